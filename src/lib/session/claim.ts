// Claiming a household on this phone with the link in its QR code: ask whether the link is
// live, answer the one check, and keep the resident session the server gives, as a sign-in
// does. The phone also remembers which link it claimed (by the token's hash), so opening the
// same link again, even offline, goes straight back to the household and its unsent data.

import { qrTokenHash, SessionUserSchema, type SessionUser } from '$lib/domain';
import { readAccount, saveAccount, saveCurrentSession, type KeyValueStore } from './saved-accounts';

export const CLAIM_ENDPOINT = '/api/claim';
export const CLAIMED_KEY_PREFIX = 'hssk_claimed:';
const CLAIM_TIMEOUT_MS = 15_000;

export type WardContact = { code: string; name: string; hotline?: string };

/** What the server said, kept bilingual ("Vietnamese / English") for the screen to pick. */
export type ClaimRefusal = {
	status: number;
	key?: string;
	reason?: string;
	ward?: WardContact;
	triesLeft?: number;
};

export type ClaimPreview =
	| { kind: 'active'; ward?: WardContact }
	| ({ kind: 'refused' } & ClaimRefusal)
	| { kind: 'unreachable' };

export type ClaimOutcome =
	| { ok: true; user: SessionUser }
	| ({ ok: false; kind: 'refused' } & ClaimRefusal)
	| { ok: false; kind: 'unreachable' };

export type ClaimDeps = {
	fetch: typeof fetch;
	store: KeyValueStore;
	deviceId: string;
	now?: () => Date;
};

function wardOf(value: unknown): WardContact | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const { code, name, hotline } = value as Record<string, unknown>;
	if (typeof code !== 'string' || typeof name !== 'string') return undefined;
	return { code, name, ...(typeof hotline === 'string' ? { hotline } : {}) };
}

async function refusalOf(response: Response): Promise<ClaimRefusal> {
	try {
		const body = (await response.json()) as Record<string, unknown>;
		return {
			status: response.status,
			key: typeof body.key === 'string' ? body.key : undefined,
			reason: typeof body.reason === 'string' ? body.reason : undefined,
			ward: wardOf(body.ward),
			triesLeft: typeof body.tries_left === 'number' ? body.tries_left : undefined
		};
	} catch {
		return { status: response.status };
	}
}

export async function previewClaim(
	token: string,
	deps: Pick<ClaimDeps, 'fetch'>
): Promise<ClaimPreview> {
	let response: Response;
	try {
		response = await deps.fetch(`${CLAIM_ENDPOINT}/${encodeURIComponent(token)}`, {
			headers: { accept: 'application/json' },
			signal: AbortSignal.timeout(CLAIM_TIMEOUT_MS)
		});
	} catch {
		return { kind: 'unreachable' };
	}
	if (response.status >= 500) return { kind: 'unreachable' };
	if (!response.ok) return { kind: 'refused', ...(await refusalOf(response)) };
	try {
		const body = (await response.json()) as Record<string, unknown>;
		return { kind: 'active', ward: wardOf(body.ward) };
	} catch {
		return { kind: 'unreachable' };
	}
}

export async function claimHousehold(
	input: { token: string; answer: string },
	deps: ClaimDeps
): Promise<ClaimOutcome> {
	let response: Response;
	try {
		response = await deps.fetch(CLAIM_ENDPOINT, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ ...input, device_id: deps.deviceId }),
			credentials: 'same-origin',
			signal: AbortSignal.timeout(CLAIM_TIMEOUT_MS)
		});
	} catch {
		return { ok: false, kind: 'unreachable' };
	}
	if (response.status >= 500) return { ok: false, kind: 'unreachable' };
	if (!response.ok) return { ok: false, kind: 'refused', ...(await refusalOf(response)) };
	let user: SessionUser;
	try {
		const parsed = SessionUserSchema.safeParse(
			((await response.json()) as { user?: unknown }).user
		);
		if (!parsed.success || parsed.data.role !== 'resident') {
			return { ok: false, kind: 'unreachable' };
		}
		user = parsed.data;
	} catch {
		return { ok: false, kind: 'unreachable' };
	}
	saveAccount(deps.store, user, null, deps.now?.());
	saveCurrentSession(deps.store, user.username, 'online', deps.now?.());
	deps.store.setItem(CLAIMED_KEY_PREFIX + (await qrTokenHash(input.token)), user.username);
	return { ok: true, user };
}

/** The resident this phone claimed with this link before, if its account is still kept. */
export async function claimedBefore(
	token: string,
	store: KeyValueStore
): Promise<SessionUser | null> {
	const username = store.getItem(CLAIMED_KEY_PREFIX + (await qrTokenHash(token)));
	if (!username) return null;
	const account = readAccount(store, username);
	return account?.user.role === 'resident' ? account.user : null;
}

/** Opens a household claimed before on this phone; the server session, if any, still holds. */
export function resumeResident(user: SessionUser, deps: Pick<ClaimDeps, 'store' | 'now'>): void {
	saveCurrentSession(deps.store, user.username, 'online', deps.now?.());
}
