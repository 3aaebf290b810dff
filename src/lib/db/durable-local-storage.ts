// localStorage with its few vital entries also kept in IndexedDB. Chromium writes localStorage
// to disk lazily, seconds after the call, so a browser killed soon after a sign-in came back
// with none of it (tried in tests/e2e/durable-save.test.ts): not the signed-in user, not the
// password verifier for offline sign-in, not the device id that marks this phone's records as
// waiting. IndexedDB, written "strict", is on disk when its transaction completes.
//
// Reads stay synchronous, from localStorage. Every kept write also counts a generation, in
// localStorage and in the IndexedDB copy; at start (src/hooks.client.ts, before anything reads
// localStorage) the copies newer than localStorage's generation are put back. A page reloaded
// before its IndexedDB write landed finds localStorage newer, and keeps it.
//
//   const store = durableLocalStorage();   // a KeyValueStore, like localStorage
//   store.setItem('hssk_session', …)       // localStorage now, IndexedDB a moment later

/** What makes the records on this phone someone's, and sendable. */
const KEPT_KEYS: readonly string[] = ['hssk_device_id', 'hssk_session'];
/** The wrapped data key above all: losing it would leave the sealed records unopenable. */
const KEPT_PREFIXES: readonly string[] = ['hssk_account:', 'hssk_claimed:', 'hssk_data_key:'];
/** The generation of the last kept write that localStorage holds. */
export const GENERATION_KEY = 'hssk_kept_generation';

const DATABASE = 'hssk_kept_entries';
const ENTRIES = 'entries';

export type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
export type LocalStorageLike = Store & Pick<Storage, 'key' | 'length'>;

/** A kept entry: its value, or null once removed, and the generation of that write. */
type KeptEntry = { value: string | null; generation: number };

export function isKeptEntry(key: string): boolean {
	return KEPT_KEYS.includes(key) || KEPT_PREFIXES.some((prefix) => key.startsWith(prefix));
}

function generationOf(local: Store): number {
	const generation = Number(local.getItem(GENERATION_KEY));
	return Number.isSafeInteger(generation) && generation > 0 ? generation : 0;
}

function settled(request: IDBRequest): Promise<void> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error);
	});
}

function committed(transaction: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		transaction.oncomplete = () => resolve();
		transaction.onabort = transaction.onerror = () => reject(transaction.error);
	});
}

async function openKept(idb: IDBFactory): Promise<IDBDatabase> {
	const request = idb.open(DATABASE, 1);
	request.onupgradeneeded = () => request.result.createObjectStore(ENTRIES);
	await settled(request);
	return request.result;
}

async function readKept(db: IDBDatabase): Promise<Map<string, KeptEntry>> {
	const entries = db.transaction(ENTRIES, 'readonly').objectStore(ENTRIES);
	const keys = entries.getAllKeys();
	const values = entries.getAll();
	await Promise.all([settled(keys), settled(values)]);
	return new Map(keys.result.map((key, index) => [String(key), values.result[index] as KeptEntry]));
}

/** Writes to localStorage at once and to the kept copy after, in the order they were made. */
export class DurableLocalStorage implements Store {
	readonly #local: LocalStorageLike;
	readonly #idb: IDBFactory | undefined;
	#db: Promise<IDBDatabase> | null = null;
	#queue: Promise<void> = Promise.resolve();

	constructor(local: LocalStorageLike, idb: IDBFactory | undefined) {
		this.#local = local;
		this.#idb = idb;
	}

	getItem(key: string): string | null {
		return this.#local.getItem(key);
	}

	setItem(key: string, value: string): void {
		this.#local.setItem(key, value);
		if (isKeptEntry(key)) this.#keep(key, value);
	}

	removeItem(key: string): void {
		this.#local.removeItem(key);
		if (isKeptEntry(key)) this.#keep(key, null);
	}

	/** Resolves once every write so far is in the kept copy (or failed to get there). */
	kept(): Promise<void> {
		return this.#queue;
	}

	/**
	 * Puts back the kept entries newer than what localStorage holds, and returns how many. On
	 * a device whose kept copy is empty (the first start with it), it is made from localStorage.
	 */
	async restore(): Promise<number> {
		const idb = this.#idb;
		if (!idb) return 0;
		const kept = await readKept(await this.#open(idb));
		const localGeneration = generationOf(this.#local);
		if (kept.size === 0) {
			for (const key of this.#localKeptKeys()) this.setItem(key, this.#local.getItem(key) ?? '');
			await this.kept();
			return 0;
		}
		let newest = localGeneration;
		let changed = 0;
		for (const [key, entry] of kept) {
			if (entry.generation <= localGeneration) continue;
			if (entry.value === null) this.#local.removeItem(key);
			else this.#local.setItem(key, entry.value);
			newest = Math.max(newest, entry.generation);
			changed += 1;
		}
		if (changed > 0) this.#local.setItem(GENERATION_KEY, String(newest));
		return changed;
	}

	#localKeptKeys(): string[] {
		return Array.from({ length: this.#local.length }, (_, index) => this.#local.key(index)).filter(
			(key): key is string => key !== null && isKeptEntry(key)
		);
	}

	#open(idb: IDBFactory): Promise<IDBDatabase> {
		this.#db ??= openKept(idb);
		return this.#db;
	}

	#keep(key: string, value: string | null): void {
		const idb = this.#idb;
		if (!idb) return;
		// Written right after the entry, so one localStorage commit holds both or neither.
		const generation = generationOf(this.#local) + 1;
		this.#local.setItem(GENERATION_KEY, String(generation));
		const entry: KeptEntry = { value, generation };
		this.#queue = this.#queue
			.then(async () => {
				const db = await this.#open(idb);
				const transaction = db.transaction(ENTRIES, 'readwrite', { durability: 'strict' });
				transaction.objectStore(ENTRIES).put(entry, key);
				await committed(transaction);
			})
			.catch((failure: unknown) => {
				// localStorage still holds it; only a kill in the next seconds would lose it.
				console.warn('Could not keep a device entry in IndexedDB', failure);
			});
	}
}

let browserStore: DurableLocalStorage | undefined;

/** The page's localStorage, kept; undefined where there is none (Node, blocked storage). */
export function durableLocalStorage(): DurableLocalStorage | undefined {
	try {
		const local = globalThis.localStorage;
		if (!local) return undefined;
		browserStore ??= new DurableLocalStorage(local, globalThis.indexedDB);
		return browserStore;
	} catch {
		return undefined;
	}
}
