// Dropping from the device what it holds of households whose data the ward erased
// (docs/decisions/erasure.md). The device learns of an erasure two ways: the gateway refuses a
// pushed record of an erased household and names the household in the refused row
// (`erased_household`), and `GET /api/erasure/notices` lists the erasures of the caller's
// scope (read when the sync starts and each time the network comes back). Either way the
// household's records, the people's and their declarations, edits made offline and records
// never sent included, are removed; once the sync is idle the removed documents are cleared
// from the device's storage and from the replication's own copies of the server's state, so no
// name or health value of the household stays on the phone. Nothing is counted as refused or
// waiting: the record is gone on both sides, so the push has nothing left to retry.

import type { RxCollection, RxStorageInstance } from 'rxdb';
import { createRevision } from 'rxdb/plugins/utils';
import { RECORD_COLLECTIONS, type RecordCollectionName } from '$lib/db/collections';
import type { DeviceDatabase } from '$lib/db/database';

export type ErasureNotice = { household: string; records?: readonly string[] };

/** What drops need of a running replication: its copies of the server's state. */
export type ReplicationMeta = {
	metaInstance?: RxStorageInstance<MetaDoc, unknown, unknown>;
	awaitInSync(): Promise<unknown>;
};

type MetaDoc = { id: string; itemId: string; isCheckpoint: string; docData?: unknown };
type Removable = RxCollection<{ id: string; household?: string }>;

export type ErasureDropOptions = {
	db: DeviceDatabase;
	replications: () => readonly ReplicationMeta[];
	/** How long to wait for the push of the removals before clearing (then clears anyway at
	 * the next notice). */
	settleMs?: number;
};

function collectionOf(db: DeviceDatabase, name: RecordCollectionName): Removable {
	return db.rx[name] as unknown as Removable;
}

async function idsHeld(
	collection: Removable,
	name: RecordCollectionName,
	households: readonly string[],
	records: readonly string[]
): Promise<string[]> {
	const byHousehold =
		name === 'households'
			? { id: { $in: [...households] } }
			: { household: { $in: [...households] } };
	const found = await collection
		.find({ selector: { $or: [byHousehold, { id: { $in: [...records] } }] } })
		.exec();
	return found.map((doc) => doc.id);
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve(false), ms);
		promise.then(
			() => {
				clearTimeout(timer);
				resolve(true);
			},
			() => {
				clearTimeout(timer);
				resolve(false);
			}
		);
	});
}

/**
 * Marks the records deleted in the collection's storage, as the replication writes what it
 * pulls: past the collection's hooks, since the device refuses to delete a declaration
 * (append-only) and this removal is the ward's, not the user's.
 */
async function removeFromStorage(collection: Removable, ids: readonly string[]): Promise<void> {
	let left = [...ids];
	// The pull may write the server's tombstones of the same records meanwhile: a conflict is
	// read again, and a record it already deleted is done.
	for (let attempt = 0; attempt < 5 && left.length > 0; attempt++) {
		const found = await collection.storageInstance.findDocumentsById(left, false);
		if (found.length === 0) return;
		const result = await collection.storageInstance.bulkWrite(
			found.map((previous) => ({ previous, document: { ...previous, _deleted: true } })),
			'erasure-drop'
		);
		const other = result.error.filter((error) => error.status !== 409);
		if (other.length > 0) {
			const statuses = [...new Set(other.map((error) => error.status))].join(', ');
			throw new Error(`erasure-drop: ${other.length} not removed (${statuses})`);
		}
		left = result.error.map((error) => error.documentId);
	}
	if (left.length > 0) throw new Error(`erasure-drop: ${left.length} not removed`);
}

/** Deletes the replication's copies of these records (`<id>|0`), then clears them for good. */
async function clearMeta(
	meta: ReplicationMeta,
	ids: readonly string[],
	token: string
): Promise<void> {
	const instance = meta.metaInstance;
	if (!instance || ids.length === 0) return;
	const found = await instance.findDocumentsById(
		ids.map((id) => `${id}|0`),
		false
	);
	if (found.length > 0) {
		const now = Date.now();
		await instance.bulkWrite(
			found.map((previous) => ({
				previous,
				document: {
					id: previous.id,
					itemId: previous.itemId,
					isCheckpoint: previous.isCheckpoint,
					_deleted: true,
					_attachments: {},
					_rev: createRevision(token, previous),
					_meta: { lwt: now }
				}
			})),
			'erasure-drop'
		);
	}
	await instance.cleanup(0);
}

export class ErasureDrop {
	readonly #options: ErasureDropOptions;
	/** Records removed whose stored copies are still to be cleared. */
	readonly #toClear = new Set<string>();
	#running: Promise<number> = Promise.resolve(0);

	constructor(options: ErasureDropOptions) {
		this.#options = options;
	}

	/** Removes what the device holds of these households; resolves with how many records. */
	apply(notices: readonly ErasureNotice[]): Promise<number> {
		const run = this.#running.then(() => this.#apply(notices));
		this.#running = run.catch(() => 0);
		return run;
	}

	async #apply(notices: readonly ErasureNotice[]): Promise<number> {
		const { db } = this.#options;
		const households = [...new Set(notices.map((notice) => notice.household))];
		const records = [...new Set(notices.flatMap((notice) => notice.records ?? []))];
		let removed = 0;
		for (const name of RECORD_COLLECTIONS) {
			const collection = collectionOf(db, name);
			const ids = await idsHeld(collection, name, households, records);
			if (ids.length > 0) await removeFromStorage(collection, ids);
			removed += ids.length;
			for (const id of ids) this.#toClear.add(id);
		}
		// Records pulled as deletions (the server's tombstones) keep their last fields on the
		// device until cleared: those the notice names and the device still stores are too.
		for (const name of RECORD_COLLECTIONS) {
			const stored = await collectionOf(db, name).storageInstance.findDocumentsById(records, true);
			for (const doc of stored) this.#toClear.add(doc.id);
		}
		await this.#clear();
		return removed;
	}

	/** Clears the removed records from storage once the push of their removal is done. */
	async #clear(): Promise<void> {
		if (this.#toClear.size === 0) return;
		const replications = this.#options.replications();
		const settled = await withTimeout(
			Promise.all(replications.map((replication) => replication.awaitInSync())),
			this.#options.settleMs ?? 15_000
		);
		if (!settled) return;
		const ids = [...this.#toClear];
		const token = this.#options.db.rx.token;
		for (const replication of replications) await clearMeta(replication, ids, token);
		for (const name of RECORD_COLLECTIONS) {
			await collectionOf(this.#options.db, name).storageInstance.cleanup(0);
		}
		for (const id of ids) this.#toClear.delete(id);
	}
}

/** The erasures of the caller's scope, from the app server; [] when it cannot answer. */
export async function fetchErasureNotices(
	origin: string,
	fetchImpl: typeof fetch
): Promise<ErasureNotice[] | null> {
	try {
		const response = await fetchImpl(`${origin}/api/erasure/notices`, {
			credentials: 'include'
		});
		if (!response.ok) return null;
		const body = (await response.json()) as { notices?: unknown };
		if (!Array.isArray(body.notices)) return null;
		return body.notices.flatMap((notice: unknown) => {
			const { household, records } = (notice ?? {}) as { household?: unknown; records?: unknown };
			if (typeof household !== 'string') return [];
			const ids = Array.isArray(records)
				? records.filter((id): id is string => typeof id === 'string')
				: [];
			return [{ household, records: ids }];
		});
	} catch {
		return null;
	}
}
