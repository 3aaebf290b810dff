// Checks a username and password the same way for a sign-in and for HTTP Basic on the sync
// gateway: throttled, scrypt-verified, refusing disabled accounts and, in production, the
// public demo password.

import { createHash } from 'node:crypto';
import type { MessageKey, SessionUser } from '$lib/domain';
import { DEMO_PASSWORD } from '../../../../couch/seed/demo';
import type { CouchClient } from '../couch/client';
import { hashPassword, verifyPassword, type PasswordHash } from './password';
import { loadAccount, type Account } from './accounts';
import type { OrgDirectory } from './org-directory';
import { loadSessionUser } from './session-user';
import type { SignInThrottle } from './throttle';

export type CredentialOutcome =
	| { ok: true; account: Account; user: SessionUser }
	| { ok: false; status: 401 | 403 | 429; key: MessageKey; retryAfterSeconds?: number };

/** Passwords anyone can read in this repository: never accepted in production. */
const PUBLIC_PASSWORDS: ReadonlySet<string> = new Set([DEMO_PASSWORD]);

export function isPublicPassword(password: string): boolean {
	return PUBLIC_PASSWORDS.has(password);
}

/** A stable, non-reversible label for logs: which username was tried, not who. */
export function usernameLabel(username: string): string {
	return createHash('sha256').update(username).digest('hex').slice(0, 12);
}

export class CredentialChecker {
	/** Verified against when the account does not exist, so both cases take as long. */
	#decoy: Promise<PasswordHash> | undefined;

	constructor(
		readonly client: CouchClient,
		readonly directory: OrgDirectory,
		readonly throttle: SignInThrottle,
		readonly isProduction: boolean
	) {}

	async check(username: string, password: string, address: string): Promise<CredentialOutcome> {
		const retryAfterSeconds = this.throttle.retryAfterSeconds(username, address);
		if (retryAfterSeconds !== null) {
			return { ok: false, status: 429, key: 'auth.throttled', retryAfterSeconds };
		}
		const account = await loadAccount(this.client, username);
		this.#decoy ??= hashPassword('decoy password, never matches');
		const isRight = account?.password
			? await verifyPassword(password, account.password)
			: await verifyPassword(password, await this.#decoy).then(() => false);
		if (!account || !isRight) {
			this.throttle.recordFailure(username, address);
			return { ok: false, status: 401, key: 'auth.wrong' };
		}
		this.throttle.recordSuccess(username);
		if (account.disabled) return { ok: false, status: 403, key: 'auth.disabled' };
		if (this.isProduction && isPublicPassword(password)) {
			return { ok: false, status: 403, key: 'auth.demo_password' };
		}
		const user = await loadSessionUser(account, this.directory);
		if (!user) return { ok: false, status: 403, key: 'auth.no_unit' };
		return { ok: true, account, user };
	}
}
