// Which screen a person may be on: nobody past sign-in without a session (but anyone may
// open a household's claim link), supervisors on their own page until their dashboard
// exists (administrators also on theirs, `/quan-tri/…`), people who enter data on the data
// screens, and a household's phone on its own household's screens.

import type { Role, SessionUser } from '$lib/domain';

export const SIGN_IN_PATH = '/dang-nhap';
export const SUPERVISOR_PATH = '/giam-sat';
/** The administrator's screens (the org tree): `/quan-tri/…`, for administrators only. */
export const ADMIN_PATH_PREFIX = '/quan-tri/';
export const HOME_PATH = '/';
/** Ward staff's management of groups and collaborators, and the screens below it. */
export const WARD_ADMIN_PATH = '/quan-ly';
/** Ward staff's audit trail of their ward. */
export const AUDIT_PATH = '/nhat-ky';
/** A household's claim link: `/q/<token>`, open to everyone (the page decides). */
export const CLAIM_PATH_PREFIX = '/q/';
/** Query parameters of the sign-in page: where to go next, and "sign in again" on purpose. */
export const NEXT_PARAM = 'tiep';
export const AGAIN_PARAM = 'lai';

const DATA_ENTRY_ROLES: readonly Role[] = ['collaborator', 'ward_staff', 'resident'];

/** Whose device holds records, syncs them and shows the data screens. */
export function entersData(role: Role): boolean {
	return DATA_ENTRY_ROLES.includes(role);
}

/** Screens that read the server alone (dashboards, management, sheets), never the device's records. */
const SERVER_SCREENS: readonly string[] = [
	SUPERVISOR_PATH,
	WARD_ADMIN_PATH,
	AUDIT_PATH,
	'/in-phieu',
	SIGN_IN_PATH
];

/**
 * Whether a screen shows the records on the device, so it waits for them to be opened with
 * the password or PIN. A claim link is the way in; the server's screens need no key.
 */
export function readsDeviceRecords(pathname: string): boolean {
	if (pathname.startsWith(CLAIM_PATH_PREFIX) || pathname.startsWith(ADMIN_PATH_PREFIX)) {
		return false;
	}
	return !SERVER_SCREENS.some((screen) => pathname === screen || pathname.startsWith(`${screen}/`));
}

type GuardedUser = Pick<SessionUser, 'role' | 'household'>;

/** A household's page, from its id (`household:<uuid>`; URLs carry the uuid). */
export function householdPath(household: string): string {
	return `/ho/${household.slice(household.indexOf(':') + 1)}`;
}

export function homeFor(user: GuardedUser): string {
	if (user.role === 'resident') return user.household ? householdPath(user.household) : HOME_PATH;
	return entersData(user.role) ? HOME_PATH : SUPERVISOR_PATH;
}

/** A household's phone sees its household, its members and their declarations only. */
function isResidentPath(path: string, user: GuardedUser): boolean {
	if (path.startsWith('/thanh-vien/')) return true;
	if (!user.household) return false;
	const own = householdPath(user.household);
	return path === own || (path.startsWith(own + '/') && path !== '/ho/moi');
}

/** Only a path of this app: never another origin ("//evil", "https:…") after sign-in. */
export function safeNextPath(next: string | null): string | null {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
		return null;
	}
	return next === SIGN_IN_PATH ? null : next;
}

/** Where to send this visit instead, or null to let it through. */
export function guardRedirect(url: URL, user: GuardedUser | null): string | null {
	const path = url.pathname;
	if (path.startsWith(CLAIM_PATH_PREFIX)) return null;
	if (!user) {
		if (path === SIGN_IN_PATH) return null;
		const next =
			path === HOME_PATH ? '' : `?${NEXT_PARAM}=${encodeURIComponent(path + url.search)}`;
		return SIGN_IN_PATH + next;
	}
	if (path === SIGN_IN_PATH) return url.searchParams.has(AGAIN_PARAM) ? null : homeFor(user);
	if (user.role === 'resident') return isResidentPath(path, user) ? null : homeFor(user);
	if (path.startsWith(ADMIN_PATH_PREFIX)) return user.role === 'admin' ? null : homeFor(user);
	// Ward staff enter data, watch their ward's progress and manage its groups and leaders.
	if (user.role === 'ward_staff') return null;
	if (path === WARD_ADMIN_PATH || path.startsWith(WARD_ADMIN_PATH + '/') || path === AUDIT_PATH)
		return homeFor(user);
	if (entersData(user.role)) return path === SUPERVISOR_PATH ? HOME_PATH : null;
	return path === SUPERVISOR_PATH ? null : SUPERVISOR_PATH;
}
