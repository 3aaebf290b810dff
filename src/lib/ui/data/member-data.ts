// The data of one member's screens: the person, their household and their declarations
// (newest first), and saving the member and declaration forms.

import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import type { DeviceDatabase } from '$lib/db/database';
import {
	addDeclaration,
	savePerson,
	type DeclarationDraft,
	type PersonDraft,
	type WriteResult
} from '$lib/db/record-writes';
import type { Declaration, Household, Person } from '$lib/domain';

export type MemberData = {
	person: Person | null;
	household: Household | null;
	/** Newest first. */
	declarations: Declaration[];
};

export function memberData$(db: DeviceDatabase, personId: string): Observable<MemberData> {
	const declarations$ = db.rx.declarations
		.find({ selector: { person: personId }, sort: [{ declared_at: 'desc' }] })
		.$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Declaration)));
	return db.rx.persons.findOne(personId).$.pipe(
		map((doc) => (doc?.toJSON() as Person | undefined) ?? null),
		switchMap((person) =>
			combineLatest({
				person: of(person),
				household: person
					? db.rx.households
							.findOne(person.household)
							.$.pipe(map((doc) => (doc?.toJSON() as Household | undefined) ?? null))
					: of(null),
				declarations: declarations$
			})
		)
	);
}

export function writePerson(db: DeviceDatabase, draft: PersonDraft): Promise<WriteResult<Person>> {
	return savePerson(db, draft);
}

export function writeDeclaration(
	db: DeviceDatabase,
	draft: DeclarationDraft
): Promise<WriteResult<Declaration>> {
	return addDeclaration(db, draft);
}
