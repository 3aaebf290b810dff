// Compares a checked extract with what the ward holds and decides everything before anything
// is written: the documents to write (households, people, aliases, review items), and what to
// tell ward staff (created, updated, conflicts, near matches). Pure: the same extract against
// the same stored records always gives the same plan, which is what makes a run killed
// midway finish on the next one, and a second run write nothing.

import {
	bilingualWith,
	emptyRegistryCounts,
	HOUSEHOLD_EDITABLE_FIELDS,
	PERSON_EDITABLE_FIELDS,
	type MessageKey,
	type MessageParams,
	type RecordAlias,
	type RegistryConflict,
	type RegistryCounts,
	type RegistryEntry,
	type RegistryField,
	type RegistryReviewEntry
} from '$lib/domain';
import type { ExtractHousehold } from './extract';
import type { ExtractMember } from './extract-values';
import { aliasDocId, registryPersonId } from './keys';
import {
	compareFields,
	newRecord,
	updatedRecord,
	type Author,
	type Built,
	type CouchDoc
} from './plan-fields';
import { headOf, matchHouseholds, type HouseholdMatch } from './plan-households';
import { PersonIndex, type PersonMatch } from './plan-persons';
import { planReviews, type PlannedHousehold } from './plan-reviews';
import type { WardRecords } from './ward-records';

export type RegistryPlan = {
	/** In the order they are written: households, people, aliases, review items. */
	households: CouchDoc[];
	persons: CouchDoc[];
	aliases: CouchDoc[];
	reviews: CouchDoc[];
	counts: RegistryCounts;
	created: RegistryEntry[];
	updated: RegistryEntry[];
	conflicts: RegistryConflict[];
	reviewEntries: RegistryReviewEntry[];
};

export type PlanContext = {
	ward: string;
	author: Author;
	stored: WardRecords;
	/** Ids the plan may name that CouchDB holds as deleted. */
	deleted: ReadonlySet<string>;
};

/** Every id a plan may look up beyond the live records: the registry's own ids and the
 * alias targets, to ask CouchDB which of them were deleted. */
export function idsToCheck(
	ward: string,
	extract: readonly ExtractHousehold[],
	stored: WardRecords
): string[] {
	const ids = new Set<string>();
	for (const household of extract) {
		for (const member of household.members) ids.add(registryPersonId(ward, household.code, member));
	}
	for (const alias of stored.aliases.values()) ids.add(alias.to);
	return [...ids].filter((id) => !stored.persons.has(id) && !stored.households.has(id));
}

class PlanBuilder {
	readonly plan: RegistryPlan = {
		households: [],
		persons: [],
		aliases: [],
		reviews: [],
		counts: emptyRegistryCounts(),
		created: [],
		updated: [],
		conflicts: [],
		reviewEntries: []
	};

	constructor(readonly context: PlanContext) {}

	conflict(
		line: number,
		kind: 'household' | 'person',
		household_code: string,
		key: MessageKey,
		params: MessageParams,
		id?: string
	) {
		this.plan.counts.conflicts += 1;
		this.plan.conflicts.push({
			line,
			kind,
			...(id ? { id } : {}),
			household_code,
			key,
			params,
			reason: bilingualWith(key, params)
		});
	}

	alias(from: string, to: string) {
		if (from === to || this.context.stored.aliases.get(from)?.to === to) return;
		const alias: RecordAlias = {
			type: 'record_alias',
			ward: this.context.ward,
			from,
			to,
			reason: 'registry_match',
			at: this.context.author.at,
			by: this.context.author.user
		};
		const held = this.context.stored.aliases.get(from);
		this.plan.aliases.push({
			_id: aliasDocId(from),
			...(held ? { _rev: held._rev } : {}),
			...alias
		});
	}

	written(built: Built, into: CouchDoc[], onInvalid: (reason: string) => void): boolean {
		if (!built.ok) {
			onInvalid(built.reason);
			return false;
		}
		into.push(built.doc);
		return true;
	}
}

function householdWanted(household: ExtractHousehold): Partial<Record<RegistryField, string>> {
	return {
		group: household.group,
		'address.house_number': household.house_number,
		'address.street': household.street,
		head_name: headOf(household)
	};
}

function planHousehold(builder: PlanBuilder, household: ExtractHousehold, match: HouseholdMatch) {
	const { ward, author } = builder.context;
	const { counts } = builder.plan;
	const entry = (id: string, changes: RegistryField[]): RegistryEntry => ({
		line: household.line,
		kind: 'household',
		id,
		household_code: household.code,
		name: headOf(household),
		changes
	});
	const invalid = (id: string) => (reason: string) =>
		builder.conflict(
			household.line,
			'household',
			household.code,
			'registry.conflict_invalid',
			{ reason },
			id
		);
	if (match.kind === 'deleted') {
		builder.conflict(
			household.line,
			'household',
			household.code,
			'registry.conflict_deleted',
			{ name: headOf(household) },
			match.storedId
		);
		return null;
	}
	const wanted = householdWanted(household);
	if (match.kind === 'new') {
		const built = newRecord(
			{
				id: match.registryId,
				type: 'household',
				ward,
				group: household.group,
				address: { house_number: household.house_number, street: household.street },
				head_name: headOf(household)
			},
			author
		);
		if (!builder.written(built, builder.plan.households, invalid(match.registryId))) return null;
		counts.households_created += 1;
		builder.plan.created.push(entry(match.registryId, []));
		return { id: match.registryId, group: household.group };
	}
	const { stored } = match;
	builder.alias(match.registryId, stored.id);
	const fields = compareFields(stored, wanted, stored.id === match.registryId);
	for (const conflict of fields.conflicts) {
		builder.conflict(
			household.line,
			'household',
			household.code,
			'registry.conflict_edited',
			{ ...conflict },
			stored.id
		);
	}
	if (fields.apply.length === 0) {
		counts.households_unchanged += 1;
		return { id: stored.id, group: stored.group };
	}
	const built = updatedRecord(stored, wanted, fields.apply, HOUSEHOLD_EDITABLE_FIELDS, author);
	if (!builder.written(built, builder.plan.households, invalid(stored.id))) {
		return { id: stored.id, group: stored.group };
	}
	counts.households_updated += 1;
	builder.plan.updated.push(entry(stored.id, fields.apply));
	return { id: stored.id, group: fields.apply.includes('group') ? household.group : stored.group };
}

function planMember(
	builder: PlanBuilder,
	household: ExtractHousehold,
	placed: { id: string; group: string },
	member: ExtractMember,
	match: PersonMatch
): string | null {
	const { ward, author } = builder.context;
	const { counts } = builder.plan;
	const entry = (id: string, changes: RegistryField[]): RegistryEntry => ({
		line: member.line,
		kind: 'person',
		id,
		household_code: household.code,
		name: member.full_name,
		changes
	});
	const conflict = (key: MessageKey, params: MessageParams, id?: string) =>
		builder.conflict(member.line, 'person', household.code, key, params, id);
	const invalid = (id: string) => (reason: string) =>
		conflict('registry.conflict_invalid', { reason }, id);
	if (match.kind === 'deleted') {
		conflict('registry.conflict_deleted', { name: member.full_name }, match.storedId);
		return null;
	}
	if (match.kind === 'elsewhere') {
		conflict(
			'registry.conflict_citizen_id_elsewhere',
			{ value: member.citizen_id ?? '', name: match.stored.full_name },
			match.stored.id
		);
		return null;
	}
	const wanted: Partial<Record<RegistryField, string>> = {
		household: placed.id,
		full_name: member.full_name,
		birth_date: member.birth_date,
		sex: member.sex,
		relation: member.relation,
		...(member.citizen_id ? { citizen_id: member.citizen_id } : {})
	};
	if (match.kind === 'new') {
		const built = newRecord(
			{ id: match.registryId, type: 'person', ward, group: placed.group, ...wanted },
			author
		);
		if (!builder.written(built, builder.plan.persons, invalid(match.registryId))) return null;
		counts.persons_created += 1;
		builder.plan.created.push(entry(match.registryId, []));
		return match.registryId;
	}
	const { stored } = match;
	builder.alias(match.registryId, stored.id);
	const fields = compareFields(stored, wanted, stored.id === match.registryId);
	for (const clash of fields.conflicts)
		conflict('registry.conflict_edited', { ...clash }, stored.id);
	// A person is where their household is: the group follows whichever household they stay in.
	const household_id = fields.apply.includes('household') ? placed.id : stored.household;
	const group = household_id === placed.id ? placed.group : stored.group;
	const apply = [...fields.apply, ...(group !== stored.group ? (['group'] as const) : [])];
	if (apply.length === 0) {
		counts.persons_unchanged += 1;
		return stored.id;
	}
	const built = updatedRecord(stored, { ...wanted, group }, apply, PERSON_EDITABLE_FIELDS, author);
	if (!builder.written(built, builder.plan.persons, invalid(stored.id))) return stored.id;
	counts.persons_updated += 1;
	builder.plan.updated.push(entry(stored.id, apply));
	return stored.id;
}

export function planRegistryImport(
	extract: readonly ExtractHousehold[],
	context: PlanContext
): RegistryPlan {
	const builder = new PlanBuilder(context);
	const { ward, stored, deleted } = context;
	const aliases = new Map([...stored.aliases.values()].map((alias) => [alias.from, alias.to]));
	const households = matchHouseholds(ward, extract, stored, aliases, deleted);
	const persons = new PersonIndex(stored, aliases, deleted);
	const planned: PlannedHousehold[] = [];
	for (const household of extract) {
		const match = households.get(household);
		const placed = match ? planHousehold(builder, household, match) : null;
		if (!placed) continue;
		const members: PlannedHousehold['members'] = [];
		for (const member of household.members) {
			const registryId = registryPersonId(ward, household.code, member);
			const personMatch = persons.match(
				member,
				registryId,
				match?.kind === 'new' ? null : placed.id
			);
			const id = planMember(builder, household, placed, member, personMatch);
			if (id) members.push({ id, member });
		}
		planned.push({ household, id: placed.id, members });
	}
	planReviews(builder.plan, planned, persons, context);
	builder.plan.created.sort((a, b) => a.line - b.line);
	builder.plan.updated.sort((a, b) => a.line - b.line);
	builder.plan.conflicts.sort((a, b) => a.line - b.line);
	return builder.plan;
}
