// Which stored person each member of the extract is, inside the household already matched:
// by the registry's own key (its id, or an alias), else by citizen ID anywhere in the ward
// (in another household it is a conflict: a person is moved by hand, not by an import),
// else by the same written name and birth date among the household's members. A person
// deleted in the ward stays deleted.

import { isSameIdentity, resolveAlias, type Person } from '$lib/domain';
import type { ExtractMember } from './extract-values';
import type { Stored, WardRecords } from './ward-records';

export type PersonMatch =
	| { kind: 'key' | 'citizen_id' | 'identity'; registryId: string; stored: Stored<Person> }
	| { kind: 'new'; registryId: string }
	| { kind: 'deleted'; registryId: string; storedId: string }
	| { kind: 'elsewhere'; registryId: string; stored: Stored<Person> };

export class PersonIndex {
	readonly #byCitizen = new Map<string, Stored<Person>>();
	readonly #byHousehold = new Map<string, Stored<Person>[]>();
	readonly #claimed = new Set<string>();

	constructor(
		readonly stored: WardRecords,
		readonly aliases: ReadonlyMap<string, string>,
		readonly deleted: ReadonlySet<string>
	) {
		for (const person of stored.persons.values()) {
			if (person.citizen_id) this.#byCitizen.set(person.citizen_id, person);
			const members = this.#byHousehold.get(person.household) ?? [];
			members.push(person);
			this.#byHousehold.set(person.household, members);
		}
	}

	membersOf(household: string): readonly Stored<Person>[] {
		return this.#byHousehold.get(household) ?? [];
	}

	match(member: ExtractMember, registryId: string, household: string | null): PersonMatch {
		const target = resolveAlias(registryId, this.aliases);
		const found = this.stored.persons.get(target);
		if (found) return this.#claim({ kind: 'key', registryId, stored: found });
		if (this.deleted.has(target)) return { kind: 'deleted', registryId, storedId: target };
		const byCitizen = member.citizen_id ? this.#byCitizen.get(member.citizen_id) : undefined;
		if (byCitizen && !this.#claimed.has(byCitizen.id)) {
			return byCitizen.household === household
				? this.#claim({ kind: 'citizen_id', registryId, stored: byCitizen })
				: { kind: 'elsewhere', registryId, stored: byCitizen };
		}
		const same =
			household === null
				? undefined
				: this.membersOf(household).find(
						(person) => !this.#claimed.has(person.id) && isSameIdentity(person, member)
					);
		if (same) return this.#claim({ kind: 'identity', registryId, stored: same });
		return { kind: 'new', registryId };
	}

	#claim(match: PersonMatch & { stored: Stored<Person> }): PersonMatch {
		this.#claimed.add(match.stored.id);
		return match;
	}
}
