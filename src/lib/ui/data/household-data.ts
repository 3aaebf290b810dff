// The data of one household's screens: the household, its members and their declarations
// (for the due badges), and saving the household form.

import { combineLatest, map, type Observable } from 'rxjs';
import type { DeviceDatabase } from '$lib/db/database';
import { saveHousehold, type HouseholdDraft, type WriteResult } from '$lib/db/record-writes';
import type { Declaration, Household, Person } from '$lib/domain';

export type HouseholdData = {
	household: Household | null;
	persons: Person[];
	declarations: Declaration[];
};

export function householdData$(db: DeviceDatabase, id: string): Observable<HouseholdData> {
	return combineLatest({
		household: db.rx.households.findOne(id).$,
		persons: db.rx.persons.find({ selector: { household: id } }).$,
		declarations: db.rx.declarations.find({ selector: { household: id } }).$
	}).pipe(
		map(({ household, persons, declarations }) => ({
			household: (household?.toJSON() as Household | undefined) ?? null,
			persons: persons.map((doc) => doc.toJSON() as Person),
			declarations: declarations.map((doc) => doc.toJSON() as Declaration)
		}))
	);
}

export function household$(db: DeviceDatabase, id: string): Observable<Household | null> {
	return db.rx.households
		.findOne(id)
		.$.pipe(map((doc) => (doc?.toJSON() as Household | undefined) ?? null));
}

export function writeHousehold(
	db: DeviceDatabase,
	draft: HouseholdDraft
): Promise<WriteResult<Household>> {
	return saveHousehold(db, draft);
}
