// A small in-process cache with a lifetime per entry and a bound on its size, so hot paths
// (sync traffic, session look-ups) do not ask CouchDB or run scrypt on every request.

export class TtlCache<K, V> {
	readonly #entries = new Map<K, { value: V; expires: number }>();

	constructor(
		readonly ttlMs: number,
		readonly maxEntries: number,
		readonly now: () => number = Date.now
	) {}

	get(key: K): V | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		if (entry.expires <= this.now()) {
			this.#entries.delete(key);
			return undefined;
		}
		return entry.value;
	}

	set(key: K, value: V, ttlMs: number = this.ttlMs): void {
		this.#entries.delete(key);
		if (this.#entries.size >= this.maxEntries) this.#evict();
		this.#entries.set(key, { value, expires: this.now() + ttlMs });
	}

	delete(key: K): void {
		this.#entries.delete(key);
	}

	/** Removes every entry the predicate matches (e.g. all cached pairs of one user). */
	deleteWhere(predicate: (key: K, value: V) => boolean): void {
		for (const [key, entry] of this.#entries) {
			if (predicate(key, entry.value)) this.#entries.delete(key);
		}
	}

	get size(): number {
		return this.#entries.size;
	}

	/** Drops expired entries, then the oldest inserted if still full. */
	#evict(): void {
		const now = this.now();
		for (const [key, entry] of this.#entries) {
			if (entry.expires <= now) this.#entries.delete(key);
		}
		while (this.#entries.size >= this.maxEntries) {
			const oldest = this.#entries.keys().next();
			if (oldest.done) break;
			this.#entries.delete(oldest.value);
		}
	}
}
