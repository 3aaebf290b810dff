// The people on this device who may be the one being added: the same citizen ID, or the same
// folded name and birth date. Read from the local database only, so the warning works with
// no network; it covers what this device holds (a collaborator's groups, a household).

import type { DeviceDatabase } from '$lib/db/database';
import {
	duplicateKinds,
	type DuplicateKind,
	type Household,
	type Identity,
	type Person
} from '$lib/domain';

export type PossibleDuplicate = {
	person: Person;
	household: Household | null;
	kinds: DuplicateKind[];
};

export async function possibleDuplicates(
	db: DeviceDatabase,
	candidate: Identity & { id: string }
): Promise<PossibleDuplicate[]> {
	const [byCitizen, byBirth] = await Promise.all([
		candidate.citizen_id
			? db.rx.persons.find({ selector: { citizen_id: candidate.citizen_id } }).exec()
			: Promise.resolve([]),
		db.rx.persons.find({ selector: { birth_date: candidate.birth_date } }).exec()
	]);
	const found = new Map<string, PossibleDuplicate>();
	for (const doc of [...byCitizen, ...byBirth]) {
		const person = doc.toJSON() as Person;
		if (person.id === candidate.id || found.has(person.id)) continue;
		const kinds = duplicateKinds(candidate, person);
		if (kinds.length > 0) found.set(person.id, { person, household: null, kinds });
	}
	if (found.size === 0) return [];
	const households = await db.rx.households
		.findByIds([...new Set([...found.values()].map(({ person }) => person.household))])
		.exec();
	for (const duplicate of found.values()) {
		duplicate.household =
			(households.get(duplicate.person.household)?.toJSON() as Household | undefined) ?? null;
	}
	return [...found.values()];
}
