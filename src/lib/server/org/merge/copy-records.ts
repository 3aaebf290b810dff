// Copies every record of a source ward's database into the new ward's, a batch of the
// source's changes feed at a time: households, people, declarations, device statuses and
// the tombstones of deletions (so a phone that still holds a deleted record learns it is
// gone). Only what the new database lacks is written, with `new_edits=false` and the
// revisions of `rewrite-record.ts`; so a run after a crash, or after the merge finished,
// writes nothing twice, and a record edited in the new ward since it was copied is left be.

import { wardDatabaseName } from '$lib/domain';
import type { CouchClient } from '../../couch/client';
import { OrgRefusal } from '../refusal';
import { rewriteRecord, type SourceDoc } from './rewrite-record';

const BATCH = 500;

export type CopyCounts = {
	/** Records read from the source (design documents aside). */
	read: number;
	written: number;
	/** Already in the new database: copied by an earlier run, perhaps edited since. */
	present: number;
	/** Changed in the source after an earlier run copied them: copied again as a newer
	 * revision; the earlier copy stays as a conflict revision, nothing is lost. */
	recopied: number;
	bare_tombstones: number;
	by_type: Record<string, number>;
};

type ChangesPage = {
	results: { id: string; changes: { rev: string }[] }[];
	last_seq: string | number;
};
type BulkGet = { results: { id: string; docs: { ok?: SourceDoc; error?: unknown }[] }[] };
type AllDocs = { rows: { key: string; value?: { rev: string }; error?: string }[] };

export function emptyCounts(): CopyCounts {
	return { read: 0, written: 0, present: 0, recopied: 0, bare_tombstones: 0, by_type: {} };
}

async function bulkGet(
	client: CouchClient,
	database: string,
	refs: { id: string; rev: string }[]
): Promise<SourceDoc[]> {
	if (refs.length === 0) return [];
	const { results } = await client.json<BulkGet>(`${database}/_bulk_get`, {
		method: 'POST',
		query: { revs: true },
		body: { docs: refs }
	});
	return results.flatMap((result) => result.docs.flatMap((entry) => (entry.ok ? [entry.ok] : [])));
}

function historyOf(doc: SourceDoc): Set<string> {
	const { start, ids } = doc._revisions;
	return new Set(ids.map((hash, index) => `${start - index}-${hash}`));
}

/** Of the copies, those the target lacks: neither stored nor an ancestor of what is stored. */
async function missingCopies(
	client: CouchClient,
	target: string,
	copies: SourceDoc[]
): Promise<{ missing: SourceDoc[]; recopied: number }> {
	const diff = await client.json<Record<string, { missing?: string[] }>>(`${target}/_revs_diff`, {
		method: 'POST',
		body: Object.fromEntries(copies.map((doc) => [doc._id, [doc._rev]]))
	});
	const candidates = copies.filter((doc) => diff[doc._id]?.missing?.includes(doc._rev));
	if (candidates.length === 0) return { missing: [], recopied: 0 };
	const { rows } = await client.json<AllDocs>(`${target}/_all_docs`, {
		method: 'POST',
		body: { keys: candidates.map((doc) => doc._id) }
	});
	const heads = rows.flatMap((row) => (row.value ? [{ id: row.key, rev: row.value.rev }] : []));
	// PouchDB reports an ancestor revision as missing in `_revs_diff`: look at the history.
	const stored = new Map(
		(await bulkGet(client, target, heads)).map((doc) => [doc._id, historyOf(doc)])
	);
	const missing = candidates.filter((doc) => !stored.get(doc._id)?.has(doc._rev));
	const recopied = missing.filter((doc) => stored.has(doc._id)).length;
	return { missing, recopied };
}

export async function copyWardRecords(
	client: CouchClient,
	fromWard: string,
	into: string,
	codes: ReadonlyMap<string, string>,
	onBatch: (counts: CopyCounts, households: string[]) => void = () => {}
): Promise<CopyCounts> {
	const source = wardDatabaseName(fromWard);
	const target = wardDatabaseName(into);
	const counts = emptyCounts();
	let since: string | number = 0;
	for (;;) {
		const page: ChangesPage = await client.json<ChangesPage>(`${source}/_changes`, {
			query: { style: 'main_only', limit: BATCH, since: String(since) }
		});
		const refs = page.results
			.filter((row) => !row.id.startsWith('_design/'))
			.map((row) => ({ id: row.id, rev: row.changes[0].rev }));
		const copies: SourceDoc[] = [];
		const households: string[] = [];
		for (const doc of await bulkGet(client, source, refs)) {
			counts.read += 1;
			const rewritten = rewriteRecord(doc, into, codes);
			if (rewritten.kind === 'bare_tombstone') counts.bare_tombstones += 1;
			else if (rewritten.kind === 'unmapped_group') {
				throw new OrgRefusal('org.merge_unmapped_group', { group: rewritten.group });
			} else {
				copies.push(rewritten.doc);
				const type = typeof doc.type === 'string' ? doc.type : 'other';
				counts.by_type[type] = (counts.by_type[type] ?? 0) + 1;
				if (doc._id.startsWith('household:')) households.push(doc._id);
			}
		}
		if (copies.length > 0) {
			const { missing, recopied } = await missingCopies(client, target, copies);
			if (missing.length > 0) {
				const failures = await client.json<{ id: string; error?: string; reason?: string }[]>(
					`${target}/_bulk_docs`,
					{ method: 'POST', body: { docs: missing, new_edits: false } }
				);
				const failed = failures.filter((result) => result.error);
				if (failed.length > 0) {
					const [first] = failed;
					throw new Error(`Copying ${first.id} into ${target}: ${first.error} ${first.reason}`);
				}
			}
			counts.written += missing.length;
			counts.recopied += recopied;
			counts.present += copies.length - missing.length;
		}
		onBatch(counts, households);
		since = page.last_seq;
		if (page.results.length < BATCH) break;
	}
	return counts;
}
