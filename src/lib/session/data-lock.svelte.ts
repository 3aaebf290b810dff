// Whether this user's records on the device are open: the data key (src/lib/db/device-key.ts)
// unwrapped with their password or PIN, held in this page's memory only. A reload or a new tab
// starts locked, so the data asks for the secret again, offline too.

import { openOrCreateDataKey, rewrapDataKey, type KeyOptions } from '$lib/db/device-key';
import type { KeyValueStore } from './saved-accounts';

class DataLock {
	readonly #keys = new Map<string, CryptoKey>();
	/** A password accepted by the server that the data key is not wrapped with yet. */
	readonly #newSecrets = new Map<string, string>();
	#changes = $state(0);

	/** The open data key, or null while the user's records are locked. */
	keyOf(username: string): CryptoKey | null {
		void this.#changes;
		return this.#keys.get(username) ?? null;
	}

	/** Whether the password changed elsewhere, so the old one must open the data once. */
	needsOldSecret(username: string): boolean {
		void this.#changes;
		return this.#newSecrets.has(username);
	}

	/**
	 * After a sign-in with this password. When the key is wrapped with another one (the
	 * password was reset since), the data stays locked until the old password opens it; it is
	 * then wrapped with the new one, so no record is encrypted again.
	 */
	async afterSignIn(
		store: KeyValueStore,
		username: string,
		password: string,
		mode: 'online' | 'offline',
		options?: KeyOptions
	): Promise<boolean> {
		// Signing in again on an open page (the server lost the session) keeps the open key, so
		// the database and its sync carry on instead of reopening.
		if (this.#keys.has(username)) return true;
		const opened = await openOrCreateDataKey(store, username, password, options);
		if (opened.ok) {
			this.#newSecrets.delete(username);
			this.#set(username, opened.key);
			return true;
		}
		if (mode === 'online') {
			this.#newSecrets.set(username, password);
			this.#changes++;
		}
		return false;
	}

	/** The lock screen: the password (or PIN), or the old password after a reset. */
	async unlock(
		store: KeyValueStore,
		username: string,
		secret: string,
		options?: KeyOptions
	): Promise<boolean> {
		const newSecret = this.#newSecrets.get(username);
		const opened = newSecret
			? await rewrapDataKey(store, username, secret, newSecret, options)
			: await openOrCreateDataKey(store, username, secret, options);
		if (!opened.ok) return false;
		this.#newSecrets.delete(username);
		this.#set(username, opened.key);
		return true;
	}

	forget(username: string): void {
		this.#keys.delete(username);
		this.#newSecrets.delete(username);
		this.#changes++;
	}

	#set(username: string, key: CryptoKey): void {
		this.#keys.set(username, key);
		this.#changes++;
	}
}

export const dataLock = new DataLock();
