// The rows of the clash screen: every open clash of the households and people on this
// device, newest first, with what ward staff need to choose: which record, which detail, the
// value kept for now and the one it replaced, who typed each and when.

import {
	clashKeyOf,
	formatDate,
	openClashes,
	type ClashOf,
	type FieldEdit,
	type Household,
	type Person
} from '$lib/domain';
import type { UiKey } from '$lib/i18n';
import type { ClashTarget } from '$lib/db/record-writes';
import { formatDateTime } from './sync-summary';

export type Words = { key: UiKey; params?: Record<string, string | number> };
/** A value as the screen shows it: words to translate, or the text as typed. */
export type ShownValue = { words: Words } | { text: string };

export type ClashSide = { value: string | null; shown: ShownValue; by: string; at: string };

export type ClashRow = {
	/** Unique on the screen: the record and the clash. */
	id: string;
	target: ClashTarget;
	household: string;
	subject: Words;
	field: UiKey;
	kept: ClashSide;
	lost: ClashSide;
	/** When the replaced value was typed: the order of the list. */
	at: string;
};

const FIELD_LABELS: Record<string, UiKey> = {
	group: 'field.group',
	household: 'clash.field_household',
	'address.house_number': 'field.house_number',
	'address.street': 'field.street',
	head_name: 'field.head_name',
	phone: 'field.phone',
	full_name: 'field.full_name',
	birth_date: 'field.birth_date',
	sex: 'field.sex',
	citizen_id: 'field.citizen_id',
	insurance_number: 'field.insurance_number',
	relation: 'field.relation'
};

export function addressOf(household: Pick<Household, 'address'>): string {
	return `${household.address.house_number} ${household.address.street}`;
}

type Lookup = {
	households: Map<string, Household>;
	groupName: (code: string) => string;
};

function shownValue(field: string, value: string | null, lookup: Lookup): ShownValue {
	if (value === null || value === '') return { words: { key: 'clash.empty_value' } };
	if (field === 'sex') return { words: { key: `sex.${value}` as UiKey } };
	if (field === 'relation') return { words: { key: `relation.${value}` as UiKey } };
	if (field === 'birth_date') return { text: formatDate(value) };
	if (field === 'group') return { text: lookup.groupName(value) };
	if (field === 'household') {
		const household = lookup.households.get(value);
		return { text: household ? addressOf(household) : value };
	}
	return { text: value };
}

function side(field: string, value: string | null, edit: FieldEdit, lookup: Lookup): ClashSide {
	return {
		value,
		shown: shownValue(field, value, lookup),
		by: edit.by,
		at: formatDateTime(edit.at)
	};
}

function rowsOf(
	collection: ClashTarget['collection'],
	record: Household | Person,
	subject: Words,
	household: string,
	lookup: Lookup
): ClashRow[] {
	const clashes: ClashOf<string>[] = openClashes<string>(record.clashes);
	return clashes.map((clash) => {
		const key = clashKeyOf(clash);
		return {
			id: `${record.id}#${key}`,
			target: { collection, id: record.id, clash: key },
			household,
			subject,
			field: FIELD_LABELS[clash.field] ?? 'clash.field_other',
			kept: side(clash.field, clash.kept, clash.kept_edit, lookup),
			lost: side(clash.field, clash.lost, clash.lost_edit, lookup),
			at: clash.lost_edit.at
		};
	});
}

export function clashRows(
	households: readonly Household[],
	persons: readonly Person[],
	groupName: (code: string) => string
): ClashRow[] {
	const lookup: Lookup = {
		households: new Map(households.map((household) => [household.id, household])),
		groupName
	};
	const addressFor = (id: string) => {
		const household = lookup.households.get(id);
		return household ? addressOf(household) : '';
	};
	const rows = [
		...households.flatMap((household) =>
			rowsOf(
				'households',
				household,
				{ key: 'clash.household', params: { address: addressOf(household) } },
				household.id,
				lookup
			)
		),
		...persons.flatMap((person) =>
			rowsOf(
				'persons',
				person,
				{
					key: 'clash.person',
					params: { name: person.full_name, address: addressFor(person.household) }
				},
				person.household,
				lookup
			)
		)
	];
	return rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1));
}
