// What the device remembers about the people who signed in on it: each account's SessionUser
// and password verifier (for offline sign-in), and who is signed in now. Everything read back
// is parsed, so a damaged or hand-edited entry reads as absent instead of crashing a screen.

import { z } from 'zod';
import { SessionUserSchema, type SessionUser } from '$lib/domain';
import { PasswordVerifierSchema, type PasswordVerifier } from './password-verifier';

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const ACCOUNT_KEY_PREFIX = 'hssk_account:';
export const CURRENT_SESSION_KEY = 'hssk_session';

export const SIGN_IN_MODES = ['online', 'offline'] as const;
export type SignInMode = (typeof SIGN_IN_MODES)[number];

const SavedAccountSchema = z.object({
	user: SessionUserSchema,
	verifier: PasswordVerifierSchema.nullable(),
	saved_at: z.string()
});
export type SavedAccount = z.infer<typeof SavedAccountSchema>;

const CurrentSessionSchema = z.object({
	username: z.string(),
	mode: z.enum(SIGN_IN_MODES),
	signed_in_at: z.string()
});
export type CurrentSession = z.infer<typeof CurrentSessionSchema>;

function readJson<T>(store: KeyValueStore, key: string, schema: z.ZodType<T>): T | null {
	const text = store.getItem(key);
	if (text === null) return null;
	try {
		const parsed = schema.safeParse(JSON.parse(text));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

export function saveAccount(
	store: KeyValueStore,
	user: SessionUser,
	verifier: PasswordVerifier | null,
	now: Date = new Date()
): void {
	const account: SavedAccount = { user, verifier, saved_at: now.toISOString() };
	store.setItem(ACCOUNT_KEY_PREFIX + user.username, JSON.stringify(account));
}

export function readAccount(store: KeyValueStore, username: string): SavedAccount | null {
	return readJson(store, ACCOUNT_KEY_PREFIX + username, SavedAccountSchema);
}

/** Refreshes what the server says about the user, keeping the verifier. */
export function updateSavedUser(store: KeyValueStore, user: SessionUser): void {
	const account = readAccount(store, user.username);
	if (account) saveAccount(store, user, account.verifier);
}

export function forgetAccount(store: KeyValueStore, username: string): void {
	store.removeItem(ACCOUNT_KEY_PREFIX + username);
}

export function saveCurrentSession(
	store: KeyValueStore,
	username: string,
	mode: SignInMode,
	now: Date = new Date()
): void {
	const current: CurrentSession = { username, mode, signed_in_at: now.toISOString() };
	store.setItem(CURRENT_SESSION_KEY, JSON.stringify(current));
}

/** The signed-in user and how they signed in, or null when nobody is (or the entry is bad). */
export function readCurrentSession(
	store: KeyValueStore
): { user: SessionUser; mode: SignInMode } | null {
	const current = readJson(store, CURRENT_SESSION_KEY, CurrentSessionSchema);
	if (!current) return null;
	const account = readAccount(store, current.username);
	return account ? { user: account.user, mode: current.mode } : null;
}

export function clearCurrentSession(store: KeyValueStore): void {
	store.removeItem(CURRENT_SESSION_KEY);
}
