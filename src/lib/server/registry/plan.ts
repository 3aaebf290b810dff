// Compares a checked extract with what the ward holds and decides everything before anything
// is written: the documents to write (households, people, aliases, review items), and what to
// tell ward staff (created, updated, conflicts, near matches). Pure: the same extract against
// the same stored records always gives the same plan, which is what makes a run killed
// midway finish on the next one, and a second run write nothing.

import type {
	RegistryConflict,
	RegistryCounts,
	RegistryEntry,
	RegistryReviewEntry
} from '$lib/domain';
import type { ExtractHousehold } from './extract';
import { registryPersonId } from './keys';
import type { Author, CouchDoc } from './plan-fields';
import { matchHouseholds } from './plan-households';
import { PersonIndex } from './plan-persons';
import { PlanBuilder, planHousehold, planMember } from './plan-records';
import { planReviews, type PlannedHousehold } from './plan-reviews';
import { turnEvery } from './turns';
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

export async function planRegistryImport(
	extract: readonly ExtractHousehold[],
	context: PlanContext
): Promise<RegistryPlan> {
	const builder = new PlanBuilder(context);
	const { ward, stored, deleted } = context;
	const aliases = new Map([...stored.aliases.values()].map((alias) => [alias.from, alias.to]));
	const households = matchHouseholds(ward, extract, stored, aliases, deleted);
	const persons = new PersonIndex(stored, aliases, deleted);
	const planned: PlannedHousehold[] = [];
	for (const [index, household] of extract.entries()) {
		await turnEvery(index);
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
