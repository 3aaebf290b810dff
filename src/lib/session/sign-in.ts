// Signing in: with the server when it answers, and otherwise against the verifier this device
// kept from the last online sign-in, so a collaborator in a building with no coverage can
// still open their households. A wrong password is refused either way.

import { SessionUserSchema, type SessionUser } from '$lib/domain';
import {
	canVerifyOffline,
	checkVerifier,
	createVerifier,
	type PasswordVerifier
} from './password-verifier';
import {
	clearCurrentSession,
	forgetAccount,
	readAccount,
	saveAccount,
	saveCurrentSession,
	updateSavedUser,
	type KeyValueStore,
	type SignInMode
} from './saved-accounts';

export const SESSION_ENDPOINT = '/api/session';
/** On flaky 3G a request can hang for a minute; past this we try the offline verifier. */
export const SIGN_IN_TIMEOUT_MS = 10_000;

export type Credentials = { username: string; password: string };

export type SignInFailure =
	| 'username_required'
	| 'password_required'
	| 'wrong'
	| 'throttled'
	| 'server'
	| 'offline_unknown'
	| 'offline_wrong'
	| 'offline_unavailable';

export type SignInOutcome =
	| { ok: true; user: SessionUser; mode: SignInMode }
	| { ok: false; failure: SignInFailure; detail?: string };

export type SessionDeps = {
	fetch: typeof fetch;
	store: KeyValueStore;
	deviceId: string;
	isOnline: boolean;
	timeoutMs?: number;
	makeVerifier?: (password: string) => Promise<PasswordVerifier>;
	now?: () => Date;
};

type ServerAnswer =
	| { kind: 'user'; user: SessionUser }
	| { kind: 'refused'; reason?: string }
	| { kind: 'throttled' }
	| { kind: 'unreachable' }
	| { kind: 'broken'; detail: string };

async function reasonOf(response: Response): Promise<string | undefined> {
	try {
		const body: unknown = await response.json();
		const reason = (body as { reason?: unknown } | null)?.reason;
		return typeof reason === 'string' ? reason : undefined;
	} catch {
		return undefined;
	}
}

async function keyOf(response: Response): Promise<string | undefined> {
	try {
		const body: unknown = await response.json();
		const key = (body as { key?: unknown } | null)?.key;
		return typeof key === 'string' ? key : undefined;
	} catch {
		return undefined;
	}
}

async function askServer(credentials: Credentials, deps: SessionDeps): Promise<ServerAnswer> {
	let response: Response;
	try {
		response = await deps.fetch(SESSION_ENDPOINT, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ ...credentials, device_id: deps.deviceId }),
			credentials: 'same-origin',
			signal: AbortSignal.timeout(deps.timeoutMs ?? SIGN_IN_TIMEOUT_MS)
		});
	} catch {
		return { kind: 'unreachable' };
	}
	if (response.status === 401 || response.status === 403) {
		return { kind: 'refused', reason: await reasonOf(response) };
	}
	if (response.status === 429) return { kind: 'throttled' };
	// A gateway or a server that lost its database cannot judge the password; the device can.
	if (response.status >= 500) return { kind: 'unreachable' };
	if (!response.ok) {
		return { kind: 'broken', detail: (await reasonOf(response)) ?? `HTTP ${response.status}` };
	}
	try {
		const body = (await response.json()) as { user?: unknown };
		const parsed = SessionUserSchema.safeParse(body.user);
		if (parsed.success) return { kind: 'user', user: parsed.data };
		return { kind: 'broken', detail: 'user' };
	} catch {
		return { kind: 'broken', detail: 'json' };
	}
}

async function signInOffline(username: string, password: string, deps: SessionDeps) {
	const account = readAccount(deps.store, username);
	if (!account || !account.verifier) {
		return { ok: false, failure: 'offline_unknown' } as const;
	}
	if (!canVerifyOffline()) return { ok: false, failure: 'offline_unavailable' } as const;
	if (!(await checkVerifier(password, account.verifier))) {
		return { ok: false, failure: 'offline_wrong' } as const;
	}
	saveCurrentSession(deps.store, username, 'offline', deps.now?.());
	return { ok: true, user: account.user, mode: 'offline' } as const;
}

export async function signIn(credentials: Credentials, deps: SessionDeps): Promise<SignInOutcome> {
	const username = credentials.username.trim().toLowerCase();
	const { password } = credentials;
	if (username === '') return { ok: false, failure: 'username_required' };
	if (password === '') return { ok: false, failure: 'password_required' };

	const answer: ServerAnswer = deps.isOnline
		? await askServer({ username, password }, deps)
		: { kind: 'unreachable' };
	switch (answer.kind) {
		case 'user': {
			const makeVerifier = deps.makeVerifier ?? createVerifier;
			// Without WebCrypto (plain http) the account works online only.
			const verifier = canVerifyOffline() ? await makeVerifier(password) : null;
			saveAccount(deps.store, answer.user, verifier, deps.now?.());
			saveCurrentSession(deps.store, answer.user.username, 'online', deps.now?.());
			return { ok: true, user: answer.user, mode: 'online' };
		}
		case 'refused':
			// The password changed or the account was closed: the old one must stop working here too.
			forgetAccount(deps.store, username);
			return { ok: false, failure: 'wrong', detail: answer.reason };
		case 'throttled':
			return { ok: false, failure: 'throttled' };
		case 'broken':
			return { ok: false, failure: 'server', detail: answer.detail };
		case 'unreachable':
			return signInOffline(username, password, deps);
	}
}

/** Ends the session on this device at once; tells the server when it can be reached. */
export async function signOut(deps: Pick<SessionDeps, 'fetch' | 'store' | 'isOnline'>) {
	clearCurrentSession(deps.store);
	if (!deps.isOnline) return;
	try {
		await deps.fetch(SESSION_ENDPOINT, {
			method: 'DELETE',
			credentials: 'same-origin',
			signal: AbortSignal.timeout(SIGN_IN_TIMEOUT_MS)
		});
	} catch {
		// The server session expires on its own; the device has already forgotten it.
	}
}

/** `disabled`: the server closed this staff account, so the device deletes its records. */
export type ServerSessionState = 'valid' | 'missing' | 'disabled' | 'unknown';

/**
 * Whether the server holds a session for this very user (it may not after an offline
 * sign-in, or hold another user's after an offline sign-out on a shared phone). Refreshes the
 * saved user so changed groups reach the device.
 */
export async function checkServerSession(
	username: string,
	deps: Pick<SessionDeps, 'fetch' | 'store'>
): Promise<ServerSessionState> {
	try {
		const response = await deps.fetch(SESSION_ENDPOINT, {
			headers: { accept: 'application/json' },
			credentials: 'same-origin',
			signal: AbortSignal.timeout(SIGN_IN_TIMEOUT_MS)
		});
		if (response.status === 401) return 'missing';
		if (response.status === 403)
			return (await keyOf(response)) === 'auth.disabled' ? 'disabled' : 'missing';
		if (!response.ok) return 'unknown';
		const body = (await response.json()) as { user?: unknown };
		const parsed = SessionUserSchema.safeParse(body.user);
		if (!parsed.success) return 'unknown';
		if (parsed.data.username !== username) return 'missing';
		updateSavedUser(deps.store, parsed.data);
		return 'valid';
	} catch {
		return 'unknown';
	}
}
