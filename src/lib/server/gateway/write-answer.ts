// The gateway's `_bulk_docs` answer: one row per document the caller sent, in the caller's
// order, from the gateway's own decisions and CouchDB's rows for the accepted ones. CouchDB's
// rows are paired by the id they carry, never by position: PouchDB Server on disk (leveldb)
// answers a batch's rows out of order (33 of 1,000 rows in a trial here), and pairing them by
// position gave a document another one's revision, or another one's conflict (the device then
// took a conflicting write for written, and the other for refused).

import { bilingual } from '$lib/domain';
import type { WriteDecision } from './write-rules';

export type WriteRow =
	| { ok: true; id: string; rev: string }
	| { id: string; rev?: string; error: string; reason: string; erased_household?: string };

export type UpstreamRow = {
	id?: string;
	rev?: string;
	ok?: boolean;
	error?: string;
	reason?: string;
};

export function answerRows(
	decisions: readonly WriteDecision[],
	written: readonly UpstreamRow[]
): WriteRow[] {
	// The same id twice in one request gets CouchDB's rows for it in turn.
	const rowsById = new Map<string, UpstreamRow[]>();
	for (const row of written) {
		if (typeof row.id !== 'string') continue;
		const rows = rowsById.get(row.id);
		if (rows) rows.push(row);
		else rowsById.set(row.id, [row]);
	}
	const answer: WriteRow[] = [];
	for (const decision of decisions) {
		if (!decision.ok) {
			answer.push({
				id: decision.id,
				error: decision.error ?? 'forbidden',
				reason: decision.reason,
				// CouchDB clients ignore a field they do not know; the app's device reads it.
				...(decision.erasedHousehold ? { erased_household: decision.erasedHousehold } : {})
			});
			continue;
		}
		// A replicated write (new_edits=false) may be answered with its errors only.
		const row = rowsById.get(decision.id)?.shift();
		if (!row) continue;
		answer.push(
			row.error
				? { id: decision.id, rev: row.rev, error: row.error, reason: upstreamReason(row) }
				: { ok: true, id: decision.id, rev: row.rev ?? '' }
		);
	}
	return answer;
}

/** CouchDB's own reasons are English: a conflict, the one a device meets, is said in both. */
function upstreamReason(row: UpstreamRow): string {
	if (row.error === 'conflict') return bilingual('gateway.conflict');
	return `${bilingual('gateway.bad_request')} (${row.reason ?? row.error})`;
}
