// How many records changed on this device have not reached the server, and since when the
// oldest of them has waited. Every local write clears `stamp` (src/lib/db/record-writes.ts)
// and the server's stamped copy comes back with the next pull and replaces it, so "written by
// this device and without a stamp" is exactly "not acknowledged yet". Records from elsewhere
// that never passed the gateway (seed data, stock PouchDB replication) carry another
// device's id and are not counted.

import type { RxCollection } from 'rxdb';
import { combineLatest, distinctUntilChanged, map, type Observable } from 'rxjs';
import { RECORD_COLLECTIONS } from '$lib/db/collections';
import type { DeviceDatabase } from '$lib/db/database';
import type { Audit, Stamp } from '$lib/domain';

type Acknowledgeable = { id: string; audit: Audit; stamp?: Stamp };

export type Waiting = {
	count: number;
	/**
	 * When the oldest unacknowledged record was written here (its `audit.updated_at`, by this
	 * device's clock); null when nothing waits.
	 */
	oldestAt: string | null;
};

export const NOTHING_WAITING: Waiting = { count: 0, oldestAt: null };

function earlier(a: string | null, b: string): string {
	if (a === null) return b;
	const [timeA, timeB] = [Date.parse(a), Date.parse(b)];
	if (Number.isNaN(timeB)) return a;
	return Number.isNaN(timeA) || timeB < timeA ? b : a;
}

/** The waiting records of several collections as one: counts added, the oldest kept. */
export function combineWaiting(parts: readonly Waiting[]): Waiting {
	let count = 0;
	let oldestAt: string | null = null;
	for (const part of parts) {
		count += part.count;
		if (part.oldestAt !== null) oldestAt = earlier(oldestAt, part.oldestAt);
	}
	return { count, oldestAt };
}

function unacknowledged$(
	collection: RxCollection<Acknowledgeable>,
	deviceId: string
): Observable<Waiting> {
	return collection
		.find({ selector: { 'audit.device_id': deviceId, stamp: { $exists: false } } })
		.$.pipe(
			map((records) =>
				combineWaiting(records.map((record) => ({ count: 1, oldestAt: record.audit.updated_at })))
			)
		);
}

export function waiting$(db: DeviceDatabase): Observable<Waiting> {
	return combineLatest(
		RECORD_COLLECTIONS.map((name) =>
			unacknowledged$(db.rx[name] as unknown as RxCollection<Acknowledgeable>, db.deviceId)
		)
	).pipe(
		map(combineWaiting),
		distinctUntilChanged((a, b) => a.count === b.count && a.oldestAt === b.oldestAt)
	);
}

export function waitingCount$(db: DeviceDatabase): Observable<number> {
	return waiting$(db).pipe(
		map((waiting) => waiting.count),
		distinctUntilChanged()
	);
}
