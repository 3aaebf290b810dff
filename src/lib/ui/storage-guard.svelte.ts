// Asks the browser to keep the device database once someone has data on it, and holds what
// the person must be told (src/lib/db/storage-durability.ts decides). Persistence is asked for
// once per visit; later checks (the app coming back to the front) only read.

import {
	askToKeepStorage,
	storageWarnings,
	type StorageFacts,
	type StorageManagerLike,
	type StorageWarning
} from '$lib/db/storage-durability';

class StorageGuard {
	#facts = $state.raw<StorageFacts | null>(null);
	#dismissed = $state.raw<ReadonlySet<StorageWarning['kind']>>(new Set());
	#hasAsked = false;
	#checking: Promise<void> | null = null;

	get facts(): StorageFacts | null {
		return this.#facts;
	}

	/** What is left to show: a dismissed kind stays hidden for this visit, a new one shows. */
	get warnings(): StorageWarning[] {
		const facts = this.#facts;
		if (!facts) return [];
		return storageWarnings(facts).filter((warning) => !this.#dismissed.has(warning.kind));
	}

	check(storage: StorageManagerLike | undefined = globalThis.navigator?.storage): Promise<void> {
		this.#checking ??= (async () => {
			try {
				const ask = !this.#hasAsked;
				this.#hasAsked = true;
				this.#facts = await askToKeepStorage(storage, { ask });
			} finally {
				this.#checking = null;
			}
		})();
		return this.#checking;
	}

	dismiss(kind: StorageWarning['kind']): void {
		this.#dismissed = new Set([...this.#dismissed, kind]);
	}
}

export const storageGuard = new StorageGuard();
