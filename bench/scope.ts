// What a collaborator's scope holds, read straight from CouchDB as the server admin: the ids
// the baseline pulls by `doc_ids`, and the counts the gateway pulls must match.

import type { CouchClient } from '../src/lib/server/couch/client';

export type ScopeCounts = { household: number; person: number; declaration: number };

export type CollaboratorScope = {
	/** Every id the collaborator may see, device statuses included. */
	ids: string[];
	/** The records the device pulls (device statuses are push-only there). */
	records: ScopeCounts;
	wardDocs: number;
};

type StoredDoc = { _id: string; type?: string; group?: string; user?: string };

export async function readCollaboratorScope(
	couch: CouchClient,
	database: string,
	username: string,
	groups: readonly string[]
): Promise<CollaboratorScope> {
	const { rows } = await couch.json<{ rows: { id: string; doc?: StoredDoc }[] }>(
		`${database}/_all_docs`,
		{ query: { include_docs: true } }
	);
	const records: ScopeCounts = { household: 0, person: 0, declaration: 0 };
	const ids: string[] = [];
	let wardDocs = 0;
	for (const { id, doc } of rows) {
		if (!doc || id.startsWith('_')) continue;
		wardDocs += 1;
		const isMine =
			doc.type === 'device_status'
				? doc.user === username
				: doc.group !== undefined && groups.includes(doc.group);
		if (!isMine) continue;
		ids.push(id);
		if (doc.type && doc.type in records) records[doc.type as keyof ScopeCounts] += 1;
	}
	return { ids, records, wardDocs };
}
