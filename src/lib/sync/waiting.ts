// How many records changed on this device have not reached the server. Every local write
// clears `stamp` (src/lib/db/record-writes.ts) and the server's stamped copy comes back with
// the next pull and replaces it, so "written by this device and without a stamp" is exactly
// "not acknowledged yet". Records from elsewhere that never passed the gateway (seed data,
// stock PouchDB replication) carry another device's id and are not counted.

import type { RxCollection } from 'rxdb';
import { combineLatest, distinctUntilChanged, map, type Observable } from 'rxjs';
import { RECORD_COLLECTIONS } from '$lib/db/collections';
import type { DeviceDatabase } from '$lib/db/database';
import type { Audit, Stamp } from '$lib/domain';

type Acknowledgeable = { id: string; audit: Audit; stamp?: Stamp };

function unacknowledged$(collection: RxCollection<Acknowledgeable>, deviceId: string) {
	return collection
		.find({ selector: { 'audit.device_id': deviceId, stamp: { $exists: false } } })
		.$.pipe(map((records) => records.length));
}

export function waitingCount$(db: DeviceDatabase): Observable<number> {
	return combineLatest(
		RECORD_COLLECTIONS.map((name) =>
			unacknowledged$(db.rx[name] as unknown as RxCollection<Acknowledgeable>, db.deviceId)
		)
	).pipe(
		map((counts) => counts.reduce((sum, count) => sum + count, 0)),
		distinctUntilChanged()
	);
}
