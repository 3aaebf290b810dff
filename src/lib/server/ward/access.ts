// What ward staff manage: their own ward's groups and collaborators, nothing outside it.

import type { OrgUnit, SessionUser } from '$lib/domain';
import { authenticator } from '../auth/caller';
import { Refusal } from '../http';
import { orgCaughtUp } from '../org/org-watcher';

export type StaffWard = { staff: SessionUser; ward: OrgUnit; groups: OrgUnit[] };

export async function staffWard(user: SessionUser): Promise<StaffWard> {
	if (user.role !== 'ward_staff' || !user.ward) throw new Refusal(403, 'ward.staff_only');
	// A group added or renamed a moment ago through another app server is shown.
	await orgCaughtUp();
	const directory = authenticator().directory;
	const ward = await directory.unit(user.ward.code);
	if (!ward) throw new Refusal(404, 'gateway.not_found');
	return { staff: user, ward, groups: await directory.groupsOf(ward.code) };
}

/** The groups named, if every one of them is a group of the ward. */
export function groupsOfWard(ward: StaffWard, codes: readonly string[]): string[] {
	const known = new Set(ward.groups.map((group) => group.code));
	if (codes.length === 0 || codes.some((code) => !known.has(code))) {
		throw new Refusal(400, 'ward.groups_invalid');
	}
	return [...new Set(codes)];
}
