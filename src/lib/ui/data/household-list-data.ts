// The data of "my households": every household, member and declaration in the user's scope,
// as one stream that emits again whenever any of them changes on the device.

import { combineLatest, map, type Observable } from 'rxjs';
import type { DeviceDatabase } from '$lib/db/database';
import type { Declaration, Household, Person, SessionUser } from '$lib/domain';
import { groupSelector } from './scope';

export type HouseholdListData = {
	households: Household[];
	persons: Person[];
	declarations: Declaration[];
};

export function householdListData$(
	db: DeviceDatabase,
	user: Pick<SessionUser, 'role' | 'org_units'>
): Observable<HouseholdListData> {
	const selector = groupSelector(user);
	return combineLatest({
		households: db.rx.households.find({ selector }).$,
		persons: db.rx.persons.find({ selector }).$,
		declarations: db.rx.declarations.find({ selector }).$
	}).pipe(
		map(({ households, persons, declarations }) => ({
			households: households.map((doc) => doc.toJSON() as Household),
			persons: persons.map((doc) => doc.toJSON() as Person),
			declarations: declarations.map((doc) => doc.toJSON() as Declaration)
		}))
	);
}
