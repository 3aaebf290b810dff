// Who is calling: a session cookie or HTTP Basic (stock PouchDB sends Basic), resolved into
// the SessionUser that scopes everything the request may touch. Sync traffic is many small
// requests, so verified sessions and Basic pairs are cached in the process for a short while:
// the account watcher (account-watcher.ts) forgets an account or a session as soon as
// `hssk_users` says it changed, each signed-in request first has it catch up with that feed
// (caller.ts), so a change made through another app server is never served from here, and
// USER_CACHE_MS bounds what is kept should the watcher not run (a script, a unit test).

import { createHash } from 'node:crypto';
import type { MessageKey, SessionUser } from '$lib/domain';
import { TtlCache } from '../cache';
import type { CouchClient } from '../couch/client';
import { isSessionRevoked, loadAccount, type Account } from './accounts';
import { CredentialChecker } from './credentials';
import { householdLocator } from './household-locator';
import { OrgDirectory } from './org-directory';
import { loadSessionUser, type HouseholdLocator } from './session-user';
import { RESIDENT_SESSION_SECONDS, SessionStore, hashToken } from './sessions';
import { SignInThrottle } from './throttle';

export type Caller = {
	user: SessionUser;
	deviceId?: string;
	via: 'session' | 'basic';
	/** When the caller's session was made, to tell whether a revocation since ended it. */
	sessionCreatedAt?: string;
};

export type Authentication =
	| { ok: true; caller: Caller }
	| { ok: false; status: 401 | 403 | 429; key: MessageKey; retryAfterSeconds?: number };

export type SignInOutcome =
	| { ok: true; user: SessionUser; token: string; expiresAt: Date }
	| Extract<Authentication, { ok: false }>;

export const USER_CACHE_MS = 30_000;
/** How long a verified Basic header is trusted without running scrypt again. */
export const BASIC_CACHE_MS = 5 * 60_000;
const CACHE_ENTRIES = 20_000;

type CachedSession = { username: string; deviceId: string; createdAt: string };
/** An enabled account and the user it describes now; null for none or a disabled one. */
type Standing = { account: Account; user: SessionUser } | null;
/** A Basic header once verified: whose, and against which password (its salt names it). */
type VerifiedPair = { username: string; salt: string };

export class Authenticator {
	readonly directory: OrgDirectory;
	readonly sessions: SessionStore;
	readonly credentials: CredentialChecker;
	readonly locateHousehold: HouseholdLocator;
	readonly #standings = new TtlCache<string, Standing>(USER_CACHE_MS, CACHE_ENTRIES);
	readonly #sessionsByHash = new TtlCache<string, CachedSession | null>(
		USER_CACHE_MS,
		CACHE_ENTRIES
	);
	readonly #basicPairs = new TtlCache<string, VerifiedPair>(BASIC_CACHE_MS, CACHE_ENTRIES);
	/** Counts forgets: a look-up that a forget overtook is answered but not cached. */
	#forgets = 0;

	constructor(
		readonly client: CouchClient,
		options: { isProduction: boolean; throttle?: SignInThrottle }
	) {
		this.directory = new OrgDirectory(client);
		this.sessions = new SessionStore(client);
		this.locateHousehold = householdLocator(client);
		this.credentials = new CredentialChecker(
			client,
			this.directory,
			options.throttle ?? new SignInThrottle(),
			options.isProduction
		);
	}

	/** The user an enabled account describes now, or null (no account, disabled, no unit). */
	async userOf(username: string): Promise<SessionUser | null> {
		return (await this.#standing(username))?.user ?? null;
	}

	async #standing(username: string): Promise<Standing> {
		const cached = this.#standings.get(username);
		if (cached !== undefined) return cached;
		const forgets = this.#forgets;
		const account = await loadAccount(this.client, username);
		const user =
			account && !account.disabled
				? await loadSessionUser(account, this.directory, this.locateHousehold)
				: null;
		const standing = account && user ? { account, user } : null;
		if (forgets === this.#forgets) this.#standings.set(username, standing);
		return standing;
	}

	async signIn(
		credentials: { username: string; password: string; device_id: string },
		address: string
	): Promise<SignInOutcome> {
		const outcome = await this.credentials.check(
			credentials.username,
			credentials.password,
			address
		);
		if (!outcome.ok) return outcome;
		const { token, expiresAt } = await this.sessions.create(
			outcome.user.username,
			credentials.device_id
		);
		this.#standings.set(outcome.user.username, { account: outcome.account, user: outcome.user });
		return { ok: true, user: outcome.user, token, expiresAt };
	}

	/** A session for a phone that just claimed its household (no password to check). */
	async openResidentSession(
		username: string,
		deviceId: string
	): Promise<{ user: SessionUser; token: string; expiresAt: Date } | null> {
		this.forgetUser(username);
		const user = await this.userOf(username);
		if (!user || user.role !== 'resident') return null;
		const { token, expiresAt } = await this.sessions.create(
			username,
			deviceId,
			RESIDENT_SESSION_SECONDS
		);
		return { user, token, expiresAt };
	}

	/** Forgets what this process knows of an account, after it was changed (here or elsewhere). */
	forgetUser(username: string): void {
		this.#forgets++;
		this.#standings.delete(username);
		this.#basicPairs.deleteWhere((_, pair) => pair.username === username);
	}

	/** Forgets a session by its token's hash, after its document changed. */
	forgetSession(tokenHash: string): void {
		this.#forgets++;
		this.#sessionsByHash.delete(tokenHash);
	}

	/** Whether a caller resolved earlier may still be served (a longpoll asks before answering). */
	async isStillSignedIn(caller: Caller): Promise<boolean> {
		const standing = await this.#standing(caller.user.username);
		if (!standing) return false;
		return !caller.sessionCreatedAt || !isSessionRevoked(standing.account, caller.sessionCreatedAt);
	}

	/**
	 * Whether a refused session belongs to a staff account that was disabled, so the device
	 * can delete its records (a household's phone revoked with its sheet keeps them instead:
	 * scanning the new sheet reopens the same account).
	 */
	async isSessionOfDisabledStaff(token: string): Promise<boolean> {
		const session = await this.sessions.find(token);
		if (!session) return false;
		const account = await loadAccount(this.client, session.username);
		return account?.disabled === true && account.role !== 'resident';
	}

	async signOut(token: string): Promise<void> {
		await this.sessions.revoke(token);
		this.#sessionsByHash.set(hashToken(token), null);
	}

	async fromSessionToken(token: string): Promise<Caller | null> {
		const hash = hashToken(token);
		let session = this.#sessionsByHash.get(hash);
		if (session === undefined) {
			const forgets = this.#forgets;
			const doc = await this.sessions.find(token);
			session = doc
				? { username: doc.username, deviceId: doc.device_id, createdAt: doc.created_at }
				: null;
			if (forgets === this.#forgets) this.#sessionsByHash.set(hash, session);
		}
		if (!session) return null;
		const standing = await this.#standing(session.username);
		if (!standing || isSessionRevoked(standing.account, session.createdAt)) return null;
		return {
			user: standing.user,
			deviceId: session.deviceId,
			via: 'session',
			sessionCreatedAt: session.createdAt
		};
	}

	async fromBasic(header: string, address: string): Promise<Authentication> {
		const credentials = parseBasic(header);
		if (!credentials) return { ok: false, status: 401, key: 'auth.required' };
		const pairKey = createHash('sha256').update(header).digest('hex');
		const verified = this.#basicPairs.get(pairKey);
		if (verified?.username === credentials.username) {
			const standing = await this.#standing(verified.username);
			if (standing?.account.password?.salt === verified.salt) {
				return { ok: true, caller: { user: standing.user, via: 'basic' } };
			}
			this.#basicPairs.delete(pairKey);
			if (!standing) return { ok: false, status: 403, key: 'auth.disabled' };
			// The password was reset since: the header is checked again, and fails.
		}
		const outcome = await this.credentials.check(
			credentials.username,
			credentials.password,
			address
		);
		if (!outcome.ok) return outcome;
		const salt = outcome.account.password?.salt;
		if (salt) this.#basicPairs.set(pairKey, { username: credentials.username, salt });
		this.#standings.set(credentials.username, { account: outcome.account, user: outcome.user });
		return { ok: true, caller: { user: outcome.user, via: 'basic' } };
	}
}

/** `Basic base64(username:password)`; the username is matched as sign-in matches it. */
export function parseBasic(header: string): { username: string; password: string } | null {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
	if (!match) return null;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon <= 0) return null;
	const username = decoded.slice(0, colon).trim().toLowerCase();
	const password = decoded.slice(colon + 1);
	return username && password ? { username, password } : null;
}
