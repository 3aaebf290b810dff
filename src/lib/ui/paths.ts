// The app's addresses in Vietnamese slugs, built in one place with Kit's typed `resolve`, so a
// renamed route is a type error here rather than a broken link on a phone. Record ids are
// `<type>:<uuid>`; URLs carry the uuid alone so they stay short and need no escaping.

import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { RecordType, SessionUser } from '$lib/domain';
import { AGAIN_PARAM, entersData, NEXT_PARAM, safeNextPath } from '$lib/session/route-guard';

function uuidOf(id: string): string {
	return id.slice(id.indexOf(':') + 1);
}

/** The record id a route parameter stands for (the parameter is the id's uuid). */
export function idFromParam(type: RecordType, param: string): string {
	return `${type}:${param}`;
}

export const paths = {
	signIn: (): ResolvedPathname => resolve('/dang-nhap'),
	households: (): ResolvedPathname => resolve('/'),
	newHousehold: (): ResolvedPathname => resolve('/ho/moi'),
	household: (id: string): ResolvedPathname => resolve('/ho/[id]', { id: uuidOf(id) }),
	editHousehold: (id: string): ResolvedPathname => resolve('/ho/[id]/sua', { id: uuidOf(id) }),
	newMember: (householdId: string, asHead = false): ResolvedPathname =>
		asHead
			? resolve('/ho/[id]/thanh-vien/moi?chu-ho=1', { id: uuidOf(householdId) })
			: resolve('/ho/[id]/thanh-vien/moi', { id: uuidOf(householdId) }),
	/** A household's own data: see it, take a copy, ask for it to be erased. */
	ownData: (id: string): ResolvedPathname => resolve('/ho/[id]/du-lieu', { id: uuidOf(id) }),
	member: (id: string): ResolvedPathname => resolve('/thanh-vien/[id]', { id: uuidOf(id) }),
	editMember: (id: string): ResolvedPathname => resolve('/thanh-vien/[id]/sua', { id: uuidOf(id) }),
	declare: (personId: string, fromMember = false): ResolvedPathname =>
		fromMember
			? resolve('/thanh-vien/[id]/khai-bao?tu=thanh-vien', { id: uuidOf(personId) })
			: resolve('/thanh-vien/[id]/khai-bao', { id: uuidOf(personId) }),
	supervisor: (): ResolvedPathname => resolve('/giam-sat'),
	/** A unit's progress on the supervisors' dashboard. */
	progress: (unit: string): ResolvedPathname =>
		`${resolve('/giam-sat')}?${new URLSearchParams({ 'don-vi': unit })}` as ResolvedPathname,
	/** Ward staff manage their groups and collaborators. */
	wardAdmin: (): ResolvedPathname => resolve('/quan-ly'),
	/** Ward staff read who read and changed their ward's data. */
	audit: (): ResolvedPathname => resolve('/nhat-ky'),
	/** Ward staff confirm clashing offline edits. */
	clashes: (): ResolvedPathname => resolve('/thay-doi-trung'),
	/** Ward staff import their ward's population registry extract. */
	registryImport: (): ResolvedPathname => resolve('/quan-ly/dan-cu'),
	/** Ward staff decide on the records that may be the same person. */
	reviewList: (): ResolvedPathname => resolve('/quan-ly/trung-lap'),
	/** Ward staff carry out households' erasure requests. */
	erasureRequests: (): ResolvedPathname => resolve('/quan-ly/yeu-cau-xoa'),
	consentText: (): ResolvedPathname => resolve('/quan-ly/dong-y'),
	/** The administrator imports the org tree. */
	orgUnits: (): ResolvedPathname => resolve('/quan-tri/don-vi'),
	/** The collaborator's QR scanner. */
	scan: (): ResolvedPathname => resolve('/quet'),
	/** Ward staff print a group's instruction sheets. */
	sheets: (group?: string): ResolvedPathname =>
		group
			? (`${resolve('/in-phieu')}?${new URLSearchParams({ to: group })}` as ResolvedPathname)
			: resolve('/in-phieu'),
	/** A household's claim link, as the QR code holds it (without the origin). */
	claim: (token: string): ResolvedPathname => resolve('/q/[token]', { token })
} as const;

/** Where a user starts: the households for those who enter data, a household's phone its
 * household, otherwise their own page. */
export function homePath(user: Pick<SessionUser, 'role' | 'household'> | null): ResolvedPathname {
	if (!user) return paths.signIn();
	if (user.role === 'resident' && user.household) return paths.household(user.household);
	return entersData(user.role) ? paths.households() : paths.supervisor();
}

/** The sign-in page on purpose while signed in, coming back to `next` afterwards. */
export function signInAgainPath(next: string): ResolvedPathname {
	const query = new URLSearchParams({ [AGAIN_PARAM]: '1', [NEXT_PARAM]: next });
	// The path is resolved; the query only carries parameters the sign-in page reads.
	return `${paths.signIn()}?${query}` as ResolvedPathname;
}

/** The page to continue to after sign-in, when the one asked for is a page of this app. */
export function nextPathAfterSignIn(
	asked: string | null,
	user: Pick<SessionUser, 'role' | 'household'>
): ResolvedPathname {
	const next = safeNextPath(asked);
	// safeNextPath admits only same-origin absolute paths, which is what resolve() would give.
	return next ? (next as ResolvedPathname) : homePath(user);
}
