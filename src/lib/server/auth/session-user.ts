// What the device is told about the signed-in user: role, ward (with its database, reminder
// cadence and hotline) and the groups they work in. It is built from the account and the org
// tree at sign-in and on every session look-up, so a reassigned collaborator sees it soon.

import {
	WARD_CODE,
	wardDatabaseName,
	wardOfGroup,
	type OrgUnit,
	type SessionUser
} from '$lib/domain';
import type { Account } from './accounts';
import type { OrgDirectory } from './org-directory';

/** The ward first, then its ancestors nearest first; and the groups the user works in. */
export type UserUnits = { wardLineage: OrgUnit[]; groups: OrgUnit[] };

/** Where a resident's household is now; null when it is gone (moved out, merged). */
export type HouseholdPlace = { id: string; group: string } | null;

/** Reads a household's place in its ward database (the server's view, never the device's). */
export type HouseholdLocator = (wardCode: string, household: string) => Promise<HouseholdPlace>;

/** The ward whose database the user's device syncs: only collaborators and ward staff have one. */
export function wardCodeOf(account: Pick<Account, 'role' | 'org_units'>): string | null {
	const [first] = account.org_units;
	if (first === undefined) return null;
	if (account.role === 'collaborator') return wardOfGroup(first);
	if (account.role === 'ward_staff' || account.role === 'resident') {
		return WARD_CODE.test(first) ? first : null;
	}
	return null;
}

/** The groups a user works in: a collaborator's own, a resident's household's, or all. */
function groupsReached(
	account: Account,
	groups: OrgUnit[],
	household: HouseholdPlace
): OrgUnit[] | null {
	switch (account.role) {
		case 'collaborator': {
			const mine = groups.filter((group) => account.org_units.includes(group.code));
			return mine.length > 0 ? mine : null;
		}
		case 'resident': {
			if (!household || household.id !== account.household) return null;
			const group = groups.find((unit) => unit.code === household.group);
			return group ? [group] : null;
		}
		default:
			return groups;
	}
}

/** The session user, or null when the account's units are not in the org tree. */
export function sessionUserOf(
	account: Account,
	units: UserUnits,
	household: HouseholdPlace = null
): SessionUser | null {
	const base = {
		username: account.username,
		display_name: account.display_name,
		role: account.role,
		org_units: [...account.org_units]
	};
	const wardCode = wardCodeOf(account);
	if (wardCode === null) return { ...base, ward: null, groups: [] };
	const [ward] = units.wardLineage;
	if (!ward || ward.code !== wardCode || ward.level !== 'ward') return null;
	const mine = groupsReached(account, units.groups, household);
	if (mine === null) return null;
	const hotline = units.wardLineage.find((unit) => unit.hotline)?.hotline;
	return {
		...base,
		ward: {
			code: ward.code,
			name: ward.name,
			database: wardDatabaseName(ward.code),
			cadence_months: ward.cadence_months,
			...(hotline ? { hotline } : {})
		},
		groups: mine.map((group) => ({ code: group.code, name: group.name })),
		...(account.role === 'resident' && household ? { household: household.id } : {})
	};
}

export async function loadSessionUser(
	account: Account,
	directory: OrgDirectory,
	locate?: HouseholdLocator
): Promise<SessionUser | null> {
	const wardCode = wardCodeOf(account);
	if (wardCode === null) {
		if (account.role === 'admin') return sessionUserOf(account, { wardLineage: [], groups: [] });
		// A supervisor must name a unit that exists, or they would reach nothing.
		const [unit] = account.org_units;
		if (account.role !== 'district_supervisor' && account.role !== 'city_supervisor') return null;
		if (unit === undefined || (await directory.unit(unit)) === null) return null;
		return sessionUserOf(account, { wardLineage: [], groups: [] });
	}
	const [wardLineage, groups, household] = await Promise.all([
		directory.lineage(wardCode),
		directory.groupsOf(wardCode),
		account.role === 'resident' && account.household && locate
			? locate(wardCode, account.household)
			: null
	]);
	return sessionUserOf(account, { wardLineage, groups }, household);
}
