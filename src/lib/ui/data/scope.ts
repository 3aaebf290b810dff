// Which records of the device database a screen shows: a collaborator's groups, or the whole
// ward for ward staff. The device holds only what the gateway let through; this also keeps a
// collaborator whose groups changed from seeing records of a group no longer theirs.

import type { SessionUser } from '$lib/domain';

export type GroupSelector = { group?: { $in: string[] } };

export function groupSelector(user: Pick<SessionUser, 'role' | 'org_units'>): GroupSelector {
	return user.role === 'collaborator' ? { group: { $in: [...user.org_units] } } : {};
}

/** The ward's reminder cadence; six months when the session does not say. */
export function cadenceOf(user: Pick<SessionUser, 'ward'>): number {
	return user.ward?.cadence_months ?? 6;
}

export function groupName(user: Pick<SessionUser, 'groups'>, code: string): string {
	return user.groups.find((group) => group.code === code)?.name ?? code;
}
