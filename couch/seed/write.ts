// Writes seed documents that are not there yet and leaves the rest alone, so a rerun costs
// one look-up per batch and writes nothing. Uses `_all_docs` with keys and `_bulk_docs`,
// which Apache CouchDB and PouchDB Server answer alike.

import type { CouchClient } from '../../src/lib/server/couch/client';

export type CouchDoc = { _id: string } & Record<string, unknown>;

const LOOKUP_BATCH = 1000;
const WRITE_BATCH = 500;

type AllDocsRow = { key: string; error?: string; value?: { rev: string; deleted?: boolean } };
type BulkResult = { id: string; ok?: boolean; error?: string; reason?: string };

function batches<T>(items: readonly T[], size: number): T[][] {
	const result: T[][] = [];
	for (let start = 0; start < items.length; start += size) {
		result.push(items.slice(start, start + size));
	}
	return result;
}

/** The ids that have never been written; a deleted document counts as written. */
export async function missingIds(
	client: CouchClient,
	database: string,
	ids: readonly string[]
): Promise<Set<string>> {
	const missing = new Set<string>();
	for (const keys of batches(ids, LOOKUP_BATCH)) {
		const { rows } = await client.json<{ rows: AllDocsRow[] }>(`${database}/_all_docs`, {
			method: 'POST',
			body: { keys }
		});
		for (const row of rows) if (row.error === 'not_found') missing.add(row.key);
	}
	return missing;
}

/** Writes the given new documents; one written in between by someone else is not an error. */
export async function writeNewDocs(
	client: CouchClient,
	database: string,
	docs: readonly CouchDoc[]
): Promise<number> {
	let written = 0;
	for (const batch of batches(docs, WRITE_BATCH)) {
		const results = await client.json<BulkResult[]>(`${database}/_bulk_docs`, {
			method: 'POST',
			body: { docs: batch }
		});
		for (const result of results) {
			if (result.ok) written += 1;
			else if (result.error !== 'conflict') {
				throw new Error(`Writing ${database}/${result.id}: ${result.error} ${result.reason ?? ''}`);
			}
		}
	}
	return written;
}

/** Writes those of `docs` that are missing; returns how many it wrote. */
export async function writeMissing(
	client: CouchClient,
	database: string,
	docs: readonly CouchDoc[]
): Promise<number> {
	const missing = await missingIds(
		client,
		database,
		docs.map((doc) => doc._id)
	);
	return writeNewDocs(
		client,
		database,
		docs.filter((doc) => missing.has(doc._id))
	);
}
