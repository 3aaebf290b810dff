// What the org-tree tests read straight from CouchDB: a database's update sequence (the proof
// that nothing was written), the stored units and consent texts, and every revision of a ward's documents.

import type { OrgUnit } from '../../src/lib/domain';
import type { CouchClient } from '../../src/lib/server/couch/client';

export async function updateSeq(couch: CouchClient, database: string): Promise<string> {
	const info = await couch.json<{ update_seq: string | number }>(database);
	return String(info.update_seq);
}

/** The ids of the wards' consent texts CouchDB holds, in id order. */
export async function storedConsentTexts(couch: CouchClient): Promise<string[]> {
	const { rows } = await couch.json<{ rows: { id: string }[] }>('hssk_org/_all_docs');
	return rows.map((row) => row.id).filter((id) => id.startsWith('consent_text:'));
}

export async function storedUnits(couch: CouchClient): Promise<Map<string, OrgUnit>> {
	const { rows } = await couch.json<{ rows: { doc: OrgUnit & { _id: string } }[] }>(
		'hssk_org/_all_docs',
		{ query: { include_docs: true, startkey: '"org:"', endkey: '"org:\ufff0"' } }
	);
	return new Map(rows.map((row) => [row.doc.code, row.doc]));
}

/** Every document id of a database with its current revision, deleted ones included. */
export async function revisions(
	couch: CouchClient,
	database: string
): Promise<Map<string, string>> {
	const { results } = await couch.json<{ results: { id: string; changes: { rev: string }[] }[] }>(
		`${database}/_changes`,
		{ query: { style: 'main_only' } }
	);
	return new Map(results.map((row) => [row.id, row.changes[0].rev]));
}

export function csvBytes(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}
