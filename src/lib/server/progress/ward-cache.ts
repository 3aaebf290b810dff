// Each ward's progress is computed from its views once, then served from memory until the
// ward database changes (its update_seq), the day turns, or it gets old; and even a busy
// ward is read at most once every MIN_RECOMPUTE_MS. A city view sums these, so it costs one
// small request per ward (the update_seq) on a warm cache.

import { vietnamDay, wardDatabaseName } from '$lib/domain';
import type { CouchClient } from '../couch/client';
import { readWardProgress, type WardProgress } from './ward-progress';

/** A busy ward changes every second: numbers a few seconds old are fine for a dashboard. */
export const MIN_RECOMPUTE_MS = 10_000;
/** People turn overdue with time alone, not only with new documents. */
export const MAX_AGE_MS = 10 * 60_000;
/** Wards read at once when a cold city view fans out. */
export const WARDS_AT_ONCE = 4;

type Entry = {
	seq: string;
	day: string;
	cadence: number;
	at: number;
	progress: Promise<WardProgress>;
};

export class WardProgressCache {
	readonly #entries = new Map<string, Entry>();

	constructor(
		readonly client: CouchClient,
		readonly clock: () => Date = () => new Date()
	) {}

	async #seqOf(ward: string): Promise<string> {
		const info = await this.client.json<{ update_seq: unknown }>(wardDatabaseName(ward));
		return JSON.stringify(info.update_seq);
	}

	async get(ward: string, cadenceMonths: number): Promise<WardProgress> {
		const now = this.clock();
		const entry = this.#entries.get(ward);
		const age = entry ? now.getTime() - entry.at : Infinity;
		if (entry && entry.cadence === cadenceMonths && age < MIN_RECOMPUTE_MS) return entry.progress;
		const seq = await this.#seqOf(ward);
		const day = vietnamDay(now);
		if (
			entry &&
			entry.seq === seq &&
			entry.day === day &&
			entry.cadence === cadenceMonths &&
			age < MAX_AGE_MS
		) {
			return entry.progress;
		}
		const progress = readWardProgress(this.client, ward, cadenceMonths, now);
		this.#entries.set(ward, { seq, day, cadence: cadenceMonths, at: now.getTime(), progress });
		// A failed read must not be served again.
		progress.catch(() => {
			if (this.#entries.get(ward)?.progress === progress) this.#entries.delete(ward);
		});
		return progress;
	}

	/** Forgets a ward, so the next view reads it afresh (after a write the caller made). */
	forget(ward: string): void {
		this.#entries.delete(ward);
	}
}
