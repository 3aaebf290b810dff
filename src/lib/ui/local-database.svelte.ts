// The open device database of the signed-in user, for every screen to read. Opened once per
// user after sign-in and closed on sign-out, so two people on one phone never share one.

import { openDeviceDatabase, type DeviceDatabase } from '$lib/db/database';

class LocalDatabase {
	#db = $state.raw<DeviceDatabase | null>(null);
	#error = $state.raw<string | null>(null);
	#username: string | null = null;
	#key: CryptoKey | null = null;
	#opening: Promise<DeviceDatabase | null> = Promise.resolve(null);

	get db(): DeviceDatabase | null {
		return this.#db;
	}

	get error(): string | null {
		return this.#error;
	}

	/**
	 * Opens the user's database with their data key, closing another user's first; repeated
	 * calls share one. Without the key (locked) nothing opens.
	 */
	open(username: string, key: CryptoKey | null): Promise<DeviceDatabase | null> {
		if (!key) return this.close().then(() => null);
		if (this.#username === username && this.#key === key) return this.#opening;
		const previous = this.#detach();
		this.#username = username;
		this.#key = key;
		this.#opening = (async () => {
			await previous;
			try {
				const db = await openDeviceDatabase({ username, key });
				if (this.#username !== username || this.#key !== key) {
					await db.close();
					return null;
				}
				this.#db = db;
				this.#error = null;
				return db;
			} catch (failure) {
				this.#error = failure instanceof Error ? failure.message : String(failure);
				return null;
			}
		})();
		return this.#opening;
	}

	close(): Promise<void> {
		this.#username = null;
		this.#key = null;
		this.#opening = Promise.resolve(null);
		return this.#detach();
	}

	/** Forgets the open database at once; its closing finishes in the background. */
	async #detach(): Promise<void> {
		const db = this.#db;
		this.#db = null;
		await db?.close();
	}
}

export const localDatabase = new LocalDatabase();
