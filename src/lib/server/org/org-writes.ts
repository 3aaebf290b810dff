// Writes org-unit documents with `_bulk_docs`, a batch at a time. A conflict means someone
// changed the tree between our read and our write: the whole operation is then to be run
// again, which recomputes from what is stored and writes only what still differs.

import type { CouchClient } from '../couch/client';
import { ORG_DATABASE } from '../couch/databases';
import type { OrgDoc } from './tree';

const WRITE_BATCH = 500;

type BulkResult = { id: string; ok?: boolean; error?: string; reason?: string };

export class OrgWriteConflict extends Error {
	constructor(readonly ids: string[]) {
		super(`The org tree changed while writing (${ids.slice(0, 5).join(', ')}): run again`);
	}
}

export async function writeOrgDocs(
	client: CouchClient,
	docs: readonly OrgDoc[],
	onBatch: (written: number) => void = () => {}
): Promise<number> {
	let written = 0;
	const conflicts: string[] = [];
	for (let start = 0; start < docs.length; start += WRITE_BATCH) {
		const batch = docs.slice(start, start + WRITE_BATCH);
		const results = await client.json<BulkResult[]>(`${ORG_DATABASE}/_bulk_docs`, {
			method: 'POST',
			body: { docs: batch }
		});
		for (const result of results) {
			if (result.ok) written += 1;
			else if (result.error === 'conflict') conflicts.push(result.id);
			else throw new Error(`Writing ${result.id}: ${result.error} ${result.reason ?? ''}`);
		}
		onBatch(written);
	}
	if (conflicts.length > 0) throw new OrgWriteConflict(conflicts);
	return written;
}
