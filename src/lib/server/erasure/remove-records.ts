// Removes records from a ward database so that no revision of them can be read again. Apache
// CouchDB 3 has `_purge`: every leaf is purged, and a fresh tombstone that names only the
// record's place is written, so devices that hold the record see it deleted at their next
// pull (a purge itself never reaches them). PouchDB Server has no `_purge`: every leaf gets
// that same tombstone, then the database is compacted, which drops the bodies of every
// revision that is not a leaf. Both leave, per record, one tombstone with type, ward, group
// and household: no name, no health value.

import type { ErasureMethod } from '$lib/domain';
import { CouchError, type CouchClient } from '../couch/client';

type Leaf = { ok: Record<string, unknown> & { _id: string; _rev: string } } | { missing: string };
type Place = { ward: string; group: string; household: string };

const BATCH = 100;
const COMPACTION_WAIT_MS = 120_000;

/** CouchDB 3 answers an empty purge; PouchDB Server has no such endpoint. */
export async function purgeMethodOf(client: CouchClient, database: string): Promise<ErasureMethod> {
	try {
		await client.json(`${database}/_purge`, { method: 'POST', body: {} });
		return 'purge';
	} catch (error) {
		if (error instanceof CouchError && error.status < 500) return 'delete_compact';
		throw error;
	}
}

export function tombstoneOf(id: string, place: Place): Record<string, unknown> {
	const type = id.slice(0, id.indexOf(':'));
	return {
		_id: id,
		_deleted: true,
		type,
		ward: place.ward,
		group: place.group,
		...(type === 'household' ? {} : { household: place.household })
	};
}

async function leavesOf(client: CouchClient, database: string, id: string): Promise<string[]> {
	try {
		const leaves = await client.json<Leaf[]>(`${database}/${encodeURIComponent(id)}`, {
			query: { open_revs: 'all' }
		});
		return leaves.flatMap((leaf) => ('ok' in leaf ? [leaf.ok._rev] : []));
	} catch (error) {
		if (error instanceof CouchError && error.status === 404) return [];
		throw error;
	}
}

async function writeDocs(client: CouchClient, database: string, docs: unknown[]): Promise<void> {
	for (let start = 0; start < docs.length; start += BATCH) {
		const rows = await client.json<{ id: string; error?: string }[]>(`${database}/_bulk_docs`, {
			method: 'POST',
			body: { docs: docs.slice(start, start + BATCH) }
		});
		const failed = rows.filter((row) => row.error);
		if (failed.length > 0) {
			throw new Error(`erasure: ${failed.length} tombstones not written (${failed[0]?.error})`);
		}
	}
}

async function compactAndWait(client: CouchClient, database: string): Promise<void> {
	await client.json(`${database}/_compact`, { method: 'POST' });
	const deadline = Date.now() + COMPACTION_WAIT_MS;
	for (;;) {
		const info = await client.json<{ compact_running?: boolean }>(database);
		if (!info.compact_running) return;
		if (Date.now() > deadline) throw new Error('erasure: compaction did not finish');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

export async function removeRecords(
	client: CouchClient,
	database: string,
	ids: readonly string[],
	place: Place,
	method: ErasureMethod
): Promise<void> {
	const leaves = new Map<string, string[]>();
	for (const id of ids) leaves.set(id, await leavesOf(client, database, id));
	if (method === 'purge') {
		for (const [id, revs] of leaves) {
			if (revs.length > 0) {
				await client.json(`${database}/_purge`, { method: 'POST', body: { [id]: revs } });
			}
		}
		await writeDocs(
			client,
			database,
			ids.map((id) => tombstoneOf(id, place))
		);
		return;
	}
	// Every leaf, a deleted one too: a tombstone replicated with new_edits=false may carry a body.
	const docs = [...leaves].flatMap(([id, revs]) =>
		revs.map((rev) => ({ ...tombstoneOf(id, place), _rev: rev }))
	);
	await writeDocs(client, database, docs);
	await compactAndWait(client, database);
}
