// The near matches among each household's people after the import (those it read and those
// the ward already had there) go to the review list, one item per pair. A pair already on
// the list, open or decided, is left as it is: ward staff decide once.

import { nearMatch, type Identity, type ReviewItem } from '$lib/domain';
import type { ExtractHousehold } from './extract';
import type { ExtractMember } from './extract-values';
import { reviewDocId } from './keys';
import type { PlanContext, RegistryPlan } from './plan';
import type { PersonIndex } from './plan-persons';

export type PlannedHousehold = {
	household: ExtractHousehold;
	id: string;
	members: { id: string; member: ExtractMember }[];
};

type Member = Identity & { id: string; line?: number };

/** The household's people as they will be: the extract's values for those it names. */
function membersAfter(planned: PlannedHousehold, persons: PersonIndex): Member[] {
	const fromFile = new Map(planned.members.map(({ id, member }) => [id, member]));
	const members: Member[] = planned.members.map(({ id, member }) => ({ ...member, id }));
	for (const person of persons.membersOf(planned.id)) {
		if (!fromFile.has(person.id)) members.push(person);
	}
	return members;
}

/** The line of the file the pair comes from: its member's, or for two people the ward already
 * had, their household's. */
function lineOf(a: Member, b: Member, planned: PlannedHousehold): number {
	const lines = [a.line, b.line].filter((line): line is number => line !== undefined);
	return lines.length > 0 ? Math.min(...lines) : planned.household.line;
}

export function planReviews(
	plan: RegistryPlan,
	households: readonly PlannedHousehold[],
	persons: PersonIndex,
	context: PlanContext
): void {
	const seen = new Set<string>();
	for (const planned of households) {
		const members = membersAfter(planned, persons);
		for (let first = 0; first < members.length; first++) {
			for (let second = first + 1; second < members.length; second++) {
				const [a, b] = [members[first], members[second]];
				const kinds = nearMatch(a, b);
				if (!kinds) continue;
				const id = reviewDocId(a.id, b.id);
				if (seen.has(id) || context.stored.reviews.has(id)) continue;
				seen.add(id);
				const pair = [a, b].sort((x, y) => (x.id < y.id ? -1 : 1));
				const item: ReviewItem = {
					type: 'review_item',
					ward: context.ward,
					persons: [pair[0].id, pair[1].id],
					kinds,
					source: 'registry_import',
					found_at: context.author.at,
					found_by: context.author.user,
					state: 'open'
				};
				plan.reviews.push({ _id: id, ...item });
				plan.counts.reviews_created += 1;
				plan.reviewEntries.push({
					line: lineOf(a, b, planned),
					id,
					persons: item.persons,
					names: [pair[0].full_name, pair[1].full_name],
					birth_dates: [pair[0].birth_date, pair[1].birth_date],
					kinds
				});
			}
		}
	}
	plan.reviewEntries.sort((a, b) => a.line - b.line);
}
