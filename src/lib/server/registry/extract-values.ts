// One member's cells of a registry extract, checked and turned into the values the records
// hold: the same rules as the forms (name, birth date, CCCD against birth year and sex), with
// the registry's own words for sex and relation ("Nam", "Nữ", "Chủ hộ", "Vợ"...).

import {
	checkCitizenId,
	foldVietnamese,
	FullNameSchema,
	normalizeCitizenId,
	parseTypedDate,
	type MessageKey,
	type Relation,
	type Sex
} from '$lib/domain';
import type { LineProblem } from '../org/csv';

export const EXTRACT_COLUMNS = [
	'household_code',
	'group',
	'address',
	'house_number',
	'street',
	'citizen_id',
	'full_name',
	'birth_date',
	'sex',
	'relation'
] as const;
export type ExtractColumn = (typeof EXTRACT_COLUMNS)[number];

/** The cells of one member's line, by column; a column the file lacks is empty. */
export type ExtractCells = Partial<Record<ExtractColumn, string>>;

export type ExtractMember = {
	line: number;
	citizen_id?: string;
	full_name: string;
	birth_date: string;
	sex: Sex;
	relation: Relation;
};

export type HouseholdFields = {
	code: string;
	group: string;
	house_number: string;
	street: string;
};

export type ExtractRow = { household: HouseholdFields; member: ExtractMember };

const HOUSEHOLD_CODE = /^[A-Za-z0-9./-]{1,40}$/;
const HOUSE_NUMBER_MAX = 40;
const STREET_MAX = 120;

const SEX_WORDS: Record<string, Sex> = {
	nam: 'male',
	male: 'male',
	m: 'male',
	nu: 'female',
	female: 'female',
	f: 'female'
};

/** The registry's words for the relation to the head, folded (no marks). */
const RELATION_WORDS: Record<string, Relation> = {
	'chu ho': 'head',
	head: 'head',
	vo: 'spouse',
	chong: 'spouse',
	spouse: 'spouse',
	con: 'child',
	'con de': 'child',
	'con nuoi': 'child',
	child: 'child',
	cha: 'parent',
	bo: 'parent',
	me: 'parent',
	'cha me': 'parent',
	parent: 'parent',
	chau: 'grandchild',
	'chau noi': 'grandchild',
	'chau ngoai': 'grandchild',
	grandchild: 'grandchild',
	ong: 'grandparent',
	ba: 'grandparent',
	'ong noi': 'grandparent',
	'ba noi': 'grandparent',
	'ong ngoai': 'grandparent',
	'ba ngoai': 'grandparent',
	grandparent: 'grandparent',
	anh: 'sibling',
	chi: 'sibling',
	em: 'sibling',
	'anh trai': 'sibling',
	'chi gai': 'sibling',
	sibling: 'sibling',
	'con dau': 'child_in_law',
	re: 'child_in_law',
	'con re': 'child_in_law',
	child_in_law: 'child_in_law',
	khac: 'other',
	other: 'other'
};

const DATE_PROBLEMS: Partial<Record<MessageKey, MessageKey>> = {
	'date.format': 'registry.date_format',
	'date.not_exist': 'registry.date_not_exist',
	'date.future': 'registry.date_future',
	'date.too_old': 'registry.date_too_old'
};

const CCCD_PROBLEMS: Partial<Record<MessageKey, MessageKey>> = {
	'cccd.format': 'registry.cccd_format',
	'cccd.province': 'registry.cccd_province',
	'cccd.birth_year': 'registry.cccd_birth_year',
	'cccd.sex': 'registry.cccd_sex'
};

const NAME_PROBLEMS: Partial<Record<MessageKey, MessageKey>> = {
	'name.too_short': 'registry.name_too_short',
	'name.invalid': 'registry.name_invalid',
	'text.too_long': 'registry.too_long'
};

/** `26956-03`, or the group's number alone (`3`, `03`) in the ward. */
export function groupCodeOf(value: string, ward: string): string | null {
	if (/^\d{1,3}$/.test(value)) return `${ward}-${value.padStart(2, '0')}`;
	if (/^\d{5}-\d{2,3}$/.test(value)) return value;
	return null;
}

/** "12/3A Xô Viết Nghệ Tĩnh": the house number is the first word, which holds a digit. */
export function splitAddress(address: string): { house_number: string; street: string } | null {
	const match = /^(\S*\d\S*)\s+(.+)$/.exec(address);
	return match ? { house_number: match[1], street: match[2] } : null;
}

function tidy(value: string | undefined): string {
	return (value ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
}

type Checked = { row?: ExtractRow; problems: LineProblem[] };

export function checkCells(
	cells: ExtractCells,
	line: number,
	ward: string,
	groups: ReadonlySet<string>
): Checked {
	const problems: LineProblem[] = [];
	const problem = (key: MessageKey, params: LineProblem['params'] = {}) =>
		problems.push({ line, key, params });
	const required = (column: ExtractColumn): string => {
		const value = tidy(cells[column]);
		if (!value) problem('registry.required', { column });
		return value;
	};
	const bounded = (column: ExtractColumn, value: string, max: number) => {
		if (value.length > max) problem('registry.too_long', { column, max });
	};

	const code = required('household_code');
	if (code && !HOUSEHOLD_CODE.test(code))
		problem('registry.household_code_invalid', { value: code });

	const groupText = required('group');
	const group = groupText ? groupCodeOf(groupText, ward) : null;
	if (groupText && !group) problem('registry.group_invalid', { value: groupText, ward });
	else if (group && !groups.has(group)) problem('registry.group_unknown', { group });

	let house_number = tidy(cells.house_number);
	let street = tidy(cells.street);
	const address = tidy(cells.address);
	if (address && !house_number && !street) {
		const split = splitAddress(address);
		if (split) ({ house_number, street } = split);
		else problem('registry.address_invalid', { value: address });
	} else {
		if (!house_number) problem('registry.required', { column: 'house_number' });
		if (!street) problem('registry.required', { column: 'street' });
	}
	bounded('house_number', house_number, HOUSE_NUMBER_MAX);
	bounded('street', street, STREET_MAX);

	const nameText = required('full_name');
	const name = FullNameSchema.safeParse(nameText);
	if (nameText && !name.success) {
		const key = name.error.issues[0]?.message as MessageKey;
		problem(NAME_PROBLEMS[key] ?? 'registry.name_invalid', {
			value: nameText,
			column: 'full_name',
			max: 80
		});
	}

	const birthText = required('birth_date');
	const birth = birthText ? parseTypedDate(birthText) : null;
	if (birth && !birth.ok)
		problem(DATE_PROBLEMS[birth.error] ?? 'registry.date_format', { value: birthText });

	const sexText = required('sex');
	const sex = SEX_WORDS[foldVietnamese(sexText)];
	if (sexText && !sex) problem('registry.sex_invalid', { value: sexText });

	const relationText = required('relation');
	const relation = RELATION_WORDS[foldVietnamese(relationText)];
	if (relationText && !relation) problem('registry.relation_invalid', { value: relationText });

	const citizenText = tidy(cells.citizen_id);
	const citizen_id = citizenText ? normalizeCitizenId(citizenText) : undefined;
	if (citizen_id !== undefined) {
		const error = checkCitizenId(citizen_id, birth?.ok ? birth.value : undefined, sex);
		if (error) problem(CCCD_PROBLEMS[error] ?? 'registry.cccd_format', { value: citizenText });
	}

	if (problems.length > 0 || !group || !name.success || !birth?.ok || !sex || !relation) {
		return { problems };
	}
	return {
		problems,
		row: {
			household: { code, group, house_number, street },
			member: {
				line,
				...(citizen_id ? { citizen_id } : {}),
				full_name: name.data,
				birth_date: birth.value,
				sex,
				relation
			}
		}
	};
}
