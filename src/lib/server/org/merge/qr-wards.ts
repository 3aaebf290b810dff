// A household's current QR code names the ward whose database holds the household (claiming
// reads the household there), so the codes of the households a merge moved are pointed at
// the new ward. The immutable entries of issued tokens keep the ward they were issued in:
// they only serve the "replaced or revoked" answer, whose contact follows `merged_into`.

import type { CouchClient } from '../../couch/client';
import { householdQrDocId, QR_DATABASE } from '../../couch/databases';

const KEYS_PER_QUERY = 1000;

type QrDoc = { _id: string; _rev: string; ward?: unknown } & Record<string, unknown>;
type AllDocs = { rows: { key: string; doc?: QrDoc | null }[] };
type BulkResult = { id: string; ok?: boolean; error?: string; reason?: string };

async function docsOf(client: CouchClient, ids: string[]): Promise<QrDoc[]> {
	const docs: QrDoc[] = [];
	for (let start = 0; start < ids.length; start += KEYS_PER_QUERY) {
		const { rows } = await client.json<AllDocs>(`${QR_DATABASE}/_all_docs`, {
			method: 'POST',
			query: { include_docs: true },
			body: { keys: ids.slice(start, start + KEYS_PER_QUERY) }
		});
		for (const row of rows) if (row.doc) docs.push(row.doc);
	}
	return docs;
}

/** Points the households' QR documents at `into`; returns how many it rewrote. */
export async function rewriteQrWards(
	client: CouchClient,
	households: readonly string[],
	fromWards: ReadonlySet<string>,
	into: string
): Promise<number> {
	const current = await docsOf(client, households.map(householdQrDocId));
	const stale = current.filter((doc) => typeof doc.ward === 'string' && fromWards.has(doc.ward));
	let rewritten = 0;
	for (let start = 0; start < stale.length; start += KEYS_PER_QUERY) {
		const batch = stale.slice(start, start + KEYS_PER_QUERY).map((doc) => ({ ...doc, ward: into }));
		const results = await client.json<BulkResult[]>(`${QR_DATABASE}/_bulk_docs`, {
			method: 'POST',
			body: { docs: batch }
		});
		const failed = results.find((result) => !result.ok);
		// A household's code issued or revoked meanwhile: the next run points it over.
		if (failed && failed.error !== 'conflict') {
			throw new Error(`Rewriting ${failed.id}: ${failed.error} ${failed.reason ?? ''}`);
		}
		rewritten += results.filter((result) => result.ok).length;
	}
	return rewritten;
}
