// RxDB stamps every local write with the device's clock (`_meta.lwt`) and the push to the
// server resumes from a checkpoint in that order: after a restart it pushes only what was
// written after the last document it handled. A phone whose clock was days ahead and then set
// right writes "earlier" than what it already pushed, so what it declares next would wait
// forever unpushed. RxDB keeps the time from going back within one page load; this storage
// wrapper keeps it from going back across loads, by writing no earlier than the latest write
// the storage already holds.

import {
	getChangedDocumentsSince,
	type RxStorage,
	type RxStorageDefaultCheckpoint,
	type RxStorageInstance
} from 'rxdb';

/** RxDB's own step between two write times (see `now()` in rxdb's utils-time). */
const STEP = 0.01;
const MINUTE_MS = 60_000;

type Instance<RxDocType> = RxStorageInstance<
	RxDocType,
	unknown,
	unknown,
	RxStorageDefaultCheckpoint
>;

/** Whether the instance holds a write at `lwt` or later: one indexed read of one document. */
async function hasWriteFrom<RxDocType>(
	instance: Instance<RxDocType>,
	lwt: number
): Promise<boolean> {
	const { documents } = await getChangedDocumentsSince(instance, 1, { id: '', lwt });
	return documents.length > 0;
}

/**
 * A time no write of the instance is at or after: 0 when all are in the past, which is the
 * usual case and costs one read; otherwise found within a millisecond by doubling then
 * halving (about 40 reads for a clock a year ahead).
 */
export async function writeTimeFloor<RxDocType>(
	instance: Instance<RxDocType>,
	now = Date.now()
): Promise<number> {
	if (!(await hasWriteFrom(instance, now))) return 0;
	let low = now;
	let step = MINUTE_MS;
	let high = now + step;
	while (await hasWriteFrom(instance, high)) {
		low = high;
		step *= 2;
		high = low + step;
	}
	while (high - low > 1) {
		const middle = Math.floor((low + high) / 2);
		if (await hasWriteFrom(instance, middle)) low = middle;
		else high = middle;
	}
	return high;
}

export function withWriteTimeFloor<Internals, Options>(
	storage: RxStorage<Internals, Options>
): RxStorage<Internals, Options> {
	return {
		...storage,
		async createStorageInstance(params) {
			const instance = await storage.createStorageInstance(params);
			let floor = await writeTimeFloor(instance);
			const write = instance.bulkWrite.bind(instance);
			instance.bulkWrite = (rows, context) => {
				let latest = floor;
				// In place: RxDB keeps these documents as its own copies, and the inserts of one
				// batch share one `_meta`, which then moves once for all of them.
				for (const row of rows) {
					const meta = row.document._meta;
					if (meta.lwt <= floor) meta.lwt = floor + STEP;
					if (meta.lwt > latest) latest = meta.lwt;
				}
				floor = latest;
				return write(rows, context);
			};
			return instance;
		}
	};
}
