// Which screen a person may be on: nobody past sign-in without a session, supervisors on
// their own page until their dashboard exists, and people who enter data on the data screens.

import type { Role, SessionUser } from '$lib/domain';

export const SIGN_IN_PATH = '/dang-nhap';
export const SUPERVISOR_PATH = '/giam-sat';
export const HOME_PATH = '/';
/** Query parameters of the sign-in page: where to go next, and "sign in again" on purpose. */
export const NEXT_PARAM = 'tiep';
export const AGAIN_PARAM = 'lai';

const DATA_ENTRY_ROLES: readonly Role[] = ['collaborator', 'ward_staff'];

export function entersData(role: Role): boolean {
	return DATA_ENTRY_ROLES.includes(role);
}

export function homeFor(user: Pick<SessionUser, 'role'>): string {
	return entersData(user.role) ? HOME_PATH : SUPERVISOR_PATH;
}

/** Only a path of this app: never another origin ("//evil", "https:…") after sign-in. */
export function safeNextPath(next: string | null): string | null {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
		return null;
	}
	return next === SIGN_IN_PATH ? null : next;
}

/** Where to send this visit instead, or null to let it through. */
export function guardRedirect(url: URL, user: Pick<SessionUser, 'role'> | null): string | null {
	const path = url.pathname;
	if (!user) {
		if (path === SIGN_IN_PATH) return null;
		const next =
			path === HOME_PATH ? '' : `?${NEXT_PARAM}=${encodeURIComponent(path + url.search)}`;
		return SIGN_IN_PATH + next;
	}
	if (path === SIGN_IN_PATH) return url.searchParams.has(AGAIN_PARAM) ? null : homeFor(user);
	if (entersData(user.role)) return path === SUPERVISOR_PATH ? HOME_PATH : null;
	return path === SUPERVISOR_PATH ? null : SUPERVISOR_PATH;
}
