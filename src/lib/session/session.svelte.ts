// Who is signed in on this device, as reactive state for the screens. The rules live in the
// plain modules beside it (sign-in, saved accounts, guard); this only holds the result.

import type { SessionUser } from '$lib/domain';
import { deviceId } from '$lib/db/device-id';
import { durableLocalStorage } from '$lib/db/durable-local-storage';
import { forgetWrappedKey } from '$lib/db/device-key';
import { qrIndexKey } from '$lib/sync/qr-index';
import {
	CLAIMED_KEY_PREFIX,
	claimedBefore,
	claimHousehold,
	resumeResident,
	type ClaimOutcome
} from './claim';
import { dataLock } from './data-lock.svelte';
import { entersData } from './route-guard';
import {
	forgetAccount,
	readCurrentSession,
	type KeyValueStore,
	type SignInMode
} from './saved-accounts';
import {
	checkServerSession,
	signIn,
	signOut,
	type Credentials,
	type ServerSessionState,
	type SignInOutcome
} from './sign-in';

/** localStorage, with sign-ins also kept in IndexedDB so that a killed browser keeps them. */
function store(): KeyValueStore {
	return durableLocalStorage() ?? localStorage;
}

function isOnline(): boolean {
	return typeof navigator === 'undefined' ? true : navigator.onLine;
}

class SessionState {
	#user = $state.raw<SessionUser | null>(null);
	#mode = $state<SignInMode | null>(null);
	#server = $state<ServerSessionState>('unknown');

	constructor() {
		this.reload();
	}

	/** Reads who is signed in from the device again (after its kept entries were put back). */
	reload(): void {
		if (typeof localStorage === 'undefined') return;
		const current = readCurrentSession(localStorage);
		this.#user = current?.user ?? null;
		this.#mode = current?.mode ?? null;
	}

	get user(): SessionUser | null {
		return this.#user;
	}

	/** How this session began: with the server, or against this device's verifier. */
	get mode(): SignInMode | null {
		return this.#mode;
	}

	/** Whether the server holds a session for this user, which sync needs. */
	get server(): ServerSessionState {
		return this.#server;
	}

	/** The database module's id for this device, so sessions and records name one device. */
	get deviceId(): string {
		return deviceId();
	}

	async signIn(credentials: Credentials): Promise<SignInOutcome> {
		const outcome = await signIn(credentials, {
			fetch,
			store: store(),
			deviceId: this.deviceId,
			isOnline: isOnline()
		});
		if (outcome.ok) {
			// The password opens the records on this device; people who keep none need no key.
			if (entersData(outcome.user.role)) {
				await dataLock.afterSignIn(
					store(),
					outcome.user.username,
					credentials.password,
					outcome.mode
				);
			}
			this.#user = outcome.user;
			this.#mode = outcome.mode;
			this.#server = outcome.mode === 'online' ? 'valid' : 'unknown';
		}
		return outcome;
	}

	/**
	 * Claims a household on this phone with its QR link and the check's answer. The PIN the
	 * family chooses opens the household's records on this phone (the answer is printed on
	 * the sheet, so it cannot).
	 */
	async claim(token: string, answer: string, pin: string): Promise<ClaimOutcome> {
		const outcome = await claimHousehold(
			{ token, answer },
			{ fetch, store: store(), deviceId: this.deviceId }
		);
		if (outcome.ok) {
			await dataLock.afterSignIn(store(), outcome.user.username, pin, 'offline');
			this.#user = outcome.user;
			this.#mode = 'online';
			this.#server = 'valid';
		}
		return outcome;
	}

	/** Reopens the household this phone claimed with this link before; false if it did not. */
	async resumeClaim(token: string): Promise<boolean> {
		const user = await claimedBefore(token, store());
		if (!user) return false;
		if (this.#user?.username !== user.username) {
			resumeResident(user, { store: store() });
			this.#user = user;
			this.#mode = 'online';
			this.#server = 'unknown';
		}
		return true;
	}

	/** Opens this user's records with their password or PIN (after a reload, offline too). */
	unlock(secret: string): Promise<boolean> {
		const user = this.#user;
		if (!user) return Promise.resolve(false);
		return dataLock.unlock(store(), user.username, secret);
	}

	async signOut(): Promise<void> {
		if (this.#user) dataLock.forget(this.#user.username);
		this.#user = null;
		this.#mode = null;
		this.#server = 'unknown';
		await signOut({ fetch, store: store(), isOnline: isOnline() });
	}

	/**
	 * Forgets on this device everything that opens or names a user's records: the saved
	 * account with its offline verifier, the wrapped data key, the household links it claimed
	 * and the QR index. Called once the records themselves are deleted.
	 */
	forgetOnDevice(username: string): void {
		const kept = store();
		forgetAccount(kept, username);
		forgetWrappedKey(kept, username);
		const claimed: string[] = [];
		for (let index = 0; index < localStorage.length; index += 1) {
			const key = localStorage.key(index);
			if (key?.startsWith(CLAIMED_KEY_PREFIX) && localStorage.getItem(key) === username) {
				claimed.push(key);
			}
		}
		for (const key of claimed) kept.removeItem(key);
		localStorage.removeItem(qrIndexKey(username));
	}

	/** Asks the server again (on start and whenever the network comes back). */
	async checkServer(): Promise<ServerSessionState> {
		const user = this.#user;
		if (!user || !isOnline()) return this.#server;
		const state = await checkServerSession(user.username, { fetch, store: store() });
		if (this.#user?.username !== user.username) return this.#server;
		this.#server = state;
		const refreshed = readCurrentSession(store())?.user;
		// A new object only when something changed: every screen that reads the user re-runs.
		if (state === 'valid' && refreshed && JSON.stringify(refreshed) !== JSON.stringify(user)) {
			this.#user = refreshed;
		}
		return state;
	}
}

export const session = new SessionState();
