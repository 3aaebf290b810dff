// Which stored household each household of the extract is. First by the registry's own key
// (the id derived from its code, or the alias a previous run left): a household deleted in
// the ward stays deleted. Then, for a household the registry has never been linked to, the
// household made in the field that holds its members' citizen IDs, or has its address and
// head; otherwise it is new. A stored household is linked to one registry code at most.

import { foldVietnamese, resolveAlias, type Household } from '$lib/domain';
import type { ExtractHousehold } from './extract';
import { registryHouseholdId } from './keys';
import type { Stored, WardRecords } from './ward-records';

export type HouseholdMatch =
	| { kind: 'key' | 'citizen_id' | 'address'; registryId: string; stored: Stored<Household> }
	| { kind: 'new'; registryId: string }
	| { kind: 'deleted'; registryId: string; storedId: string };

export function addressKey(house_number: string, street: string, head: string): string {
	return `${foldVietnamese(house_number)}|${foldVietnamese(street)}|${foldVietnamese(head)}`;
}

export function headOf(household: ExtractHousehold): string {
	return household.members.find((member) => member.relation === 'head')?.full_name ?? '';
}

export function matchHouseholds(
	ward: string,
	extract: readonly ExtractHousehold[],
	stored: WardRecords,
	aliases: ReadonlyMap<string, string>,
	deleted: ReadonlySet<string>
): Map<ExtractHousehold, HouseholdMatch> {
	const matches = new Map<ExtractHousehold, HouseholdMatch>();
	const claimed = new Set<string>();
	const ownIds = new Set(extract.map((household) => registryHouseholdId(ward, household.code)));
	for (const target of aliases.values()) claimed.add(target);

	const pending: ExtractHousehold[] = [];
	for (const household of extract) {
		const registryId = registryHouseholdId(ward, household.code);
		const target = resolveAlias(registryId, aliases);
		const found = stored.households.get(target);
		if (found) {
			matches.set(household, { kind: 'key', registryId, stored: found });
			claimed.add(target);
		} else if (deleted.has(target)) {
			matches.set(household, { kind: 'deleted', registryId, storedId: target });
		} else pending.push(household);
	}

	const isFree = (id: string) => !claimed.has(id) && !ownIds.has(id);
	const householdOfCitizen = new Map<string, string>();
	for (const person of stored.persons.values()) {
		if (person.citizen_id) householdOfCitizen.set(person.citizen_id, person.household);
	}
	const byAddress = new Map<string, Stored<Household>>();
	for (const household of stored.households.values()) {
		const key = addressKey(
			household.address.house_number,
			household.address.street,
			household.head_name
		);
		if (!byAddress.has(key)) byAddress.set(key, household);
	}

	for (const household of pending) {
		const registryId = registryHouseholdId(ward, household.code);
		const viaCitizens = new Set(
			household.members
				.map((member) =>
					member.citizen_id ? householdOfCitizen.get(member.citizen_id) : undefined
				)
				.filter((id): id is string => id !== undefined)
		);
		const [onlyOne] = viaCitizens.size === 1 ? [...viaCitizens] : [];
		const byCitizen = onlyOne && isFree(onlyOne) ? stored.households.get(onlyOne) : undefined;
		const atAddress = byAddress.get(
			addressKey(household.house_number, household.street, headOf(household))
		);
		const byPlace = atAddress && isFree(atAddress.id) ? atAddress : undefined;
		const found = byCitizen ?? byPlace;
		if (found) {
			claimed.add(found.id);
			matches.set(household, {
				kind: byCitizen ? 'citizen_id' : 'address',
				registryId,
				stored: found
			});
		} else matches.set(household, { kind: 'new', registryId });
	}
	return matches;
}
