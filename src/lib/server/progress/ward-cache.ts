// Each ward's reading of its views is kept in memory and checked against the ward database's
// update_seq at most once every MIN_RECOMPUTE_MS; when the ward has changed, only the views
// fed by the changed records are read again (a device's status report feeds none). The
// numbers themselves are computed from the reading at every request, so they follow the clock
// (people turning overdue, the day turning) without reading CouchDB. A city view sums these,
// so on a warm cache it costs one small request per ward (the update_seq) at most.

import type { CouchClient } from '../couch/client';
import { evaluateWard, type WardProgress } from './ward-progress';
import { readWard, refreshWard, type WardReading } from './ward-reading';

/** A busy ward changes every second: numbers a few seconds old are fine for a dashboard. */
export const MIN_RECOMPUTE_MS = 10_000;
/** Wards read at once when a cold city view fans out. */
export const WARDS_AT_ONCE = 4;

type Entry = {
	/** When the ward was last checked against its update_seq. */
	checkedAt: number;
	/** A write through this process: check at the next read whatever the time. */
	isStale: boolean;
	/** The newest reading, or the read or check under way. */
	reading: Promise<WardReading>;
	/** The last reading that came back, while a check is under way. */
	settled?: WardReading;
};

export type ReadOptions = {
	/**
	 * Answer with the last reading while its check runs in the background. A view over many
	 * wards asks for it: one ward re-reading a view after a write (a second on PouchDB Server)
	 * must not hold up the whole city, whose numbers are seconds old anyway.
	 */
	allowStale?: boolean;
};

export class WardProgressCache {
	readonly #entries = new Map<string, Entry>();
	#usedAt: number;

	constructor(
		readonly client: CouchClient,
		readonly clock: () => Date = () => new Date()
	) {
		this.#usedAt = clock().getTime();
	}

	/** The ward's progress now, for a supervisor's request. */
	async get(ward: string, cadenceMonths: number, options: ReadOptions = {}): Promise<WardProgress> {
		this.#usedAt = this.clock().getTime();
		const reading = await this.reading(ward, MIN_RECOMPUTE_MS, options);
		return evaluateWard(reading, cadenceMonths, this.clock());
	}

	/** The ward's reading, checked against the database if the last check is older than
	 * `maxAgeMs`. Concurrent callers share one read. */
	reading(
		ward: string,
		maxAgeMs: number = MIN_RECOMPUTE_MS,
		options: ReadOptions = {}
	): Promise<WardReading> {
		const now = this.clock().getTime();
		const entry = this.#entries.get(ward);
		if (!entry) {
			const reading = readWard(this.client, ward);
			this.#entries.set(ward, { checkedAt: now, isStale: false, reading });
			this.#keepSettled(ward, reading);
			// A failed first read must not be served again.
			reading.catch(() => {
				if (this.#entries.get(ward)?.reading === reading) this.#entries.delete(ward);
			});
			return reading;
		}
		const stale = options.allowStale ? entry.settled : undefined;
		if (!entry.isStale && now - entry.checkedAt < maxAgeMs) {
			return stale ? Promise.resolve(stale) : entry.reading;
		}
		const previous = entry.reading;
		const reading = previous.then((last) => refreshWard(this.client, last));
		this.#entries.set(ward, { checkedAt: now, isStale: false, reading, settled: entry.settled });
		this.#keepSettled(ward, reading);
		// A failed check keeps the last good reading, to be checked again at the next read.
		reading.catch(() => {
			const isCurrent = () => this.#entries.get(ward)?.reading === reading;
			previous.then(
				(last) => {
					if (isCurrent()) {
						this.#entries.set(ward, {
							checkedAt: now,
							isStale: true,
							reading: previous,
							settled: last
						});
					}
				},
				() => {
					if (isCurrent()) this.#entries.delete(ward);
				}
			);
		});
		return stale ? Promise.resolve(stale) : reading;
	}

	#keepSettled(ward: string, reading: Promise<WardReading>): void {
		reading.then(
			(done) => {
				const entry = this.#entries.get(ward);
				if (entry?.reading === reading) entry.settled = done;
			},
			() => undefined
		);
	}

	/** The ward changed through this process: the next read checks it at once. */
	forget(ward: string): void {
		const entry = this.#entries.get(ward);
		if (entry) entry.isStale = true;
	}

	/** The wards held, for keeping them warm. */
	wards(): string[] {
		return [...this.#entries.keys()];
	}

	/** When a supervisor's request last asked for a ward (or when the cache was made). */
	get usedAt(): number {
		return this.#usedAt;
	}
}
