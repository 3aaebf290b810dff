// The server's receipt (`stamp`) for a push, taken in the push itself rather than left to the
// pull. RxDB's CouchDB plugin learns nothing but a revision from a written `_bulk_docs` row
// and expects the stamped copy to come down the changes feed; but its downstream drops a
// pulled copy of a record whose push it has not noted yet ("non-upstream-replicated local
// write", rxdb replication-protocol/downstream.ts), and moves its checkpoint past it. When a
// push's answer is slower than the changes feed (a slow link, a cut answer, the reconnect
// that sends everything written offline), the stamped copy was dropped and the record stayed
// unstamped, counted as waiting, forever (tests/integration/sync-faults.test.ts).
//
// So each written row is answered to RxDB as a conflict: RxDB then reads those documents
// (`GET _all_docs?keys=…`) and hands them to the conflict handler, which keeps the server's
// copy of the same edit, stamp included. A read copy is passed on only when it is the
// revision this push wrote and holds the same edit as was sent; otherwise it is left out of
// the answer, which RxDB takes as a plain success (the pull brings the copy, as before), so
// a copy the server stored in another shape can never start a loop of pushes.

import { isSameEdit } from '$lib/db/conflict-handler';

type BulkDocsRow = { id: string; ok?: boolean; rev?: string; error?: string; reason?: string };
type CouchDoc = { _id?: unknown; _rev?: unknown; _deleted?: unknown } & Record<string, unknown>;
type AllDocsRow = { key?: string; id?: string; doc?: CouchDoc | null };

type Sent = { doc: CouchDoc; rev: string };

function parseDocs(body: unknown): CouchDoc[] {
	if (typeof body !== 'string') return [];
	try {
		const { docs } = JSON.parse(body) as { docs?: unknown };
		return Array.isArray(docs) ? (docs as CouchDoc[]) : [];
	} catch {
		return [];
	}
}

/** The record as both sides hold it, without what only one side has (`_rev`). */
function comparable(doc: CouchDoc): { _deleted: boolean } & Record<string, unknown> {
	const fields: Record<string, unknown> = { ...doc };
	delete fields._rev;
	return { ...fields, _deleted: doc._deleted === true };
}

/** The ids a `GET _all_docs?keys=[…]` asks for, or null for any other request. */
function keysOfRead(url: string): string[] | null {
	if (!url.includes('/_all_docs')) return null;
	try {
		const keys = new URL(url, 'http://device.invalid').searchParams.get('keys');
		const parsed: unknown = keys === null ? null : JSON.parse(keys);
		return Array.isArray(parsed) && parsed.every((key) => typeof key === 'string') ? parsed : null;
	} catch {
		return null;
	}
}

export class PushReceipts {
	readonly #pending = new Map<string, Sent>();

	/** A `_bulk_docs` answer (refused rows already out): written live records become conflicts. */
	afterWrite(requestBody: unknown, answer: string): string {
		const sent = new Map<string, CouchDoc>();
		for (const doc of parseDocs(requestBody)) {
			if (typeof doc._id === 'string' && doc._deleted !== true) sent.set(doc._id, doc);
		}
		const rows = JSON.parse(answer) as BulkDocsRow[];
		return JSON.stringify(
			rows.map((row) => {
				const doc = sent.get(row.id);
				if (!row.ok || !doc || !row.rev) {
					// A conflict the server found: RxDB's read of it must reach the handler whole.
					this.#pending.delete(row.id);
					return row;
				}
				this.#pending.set(row.id, { doc, rev: row.rev });
				return { id: row.id, error: 'conflict', reason: 'receipt' };
			})
		);
	}

	/** RxDB's read of the "conflicts": only the copies that are this push's own write pass. */
	afterRead(method: string | undefined, url: string, answer: string): string {
		if ((method ?? 'GET').toUpperCase() !== 'GET') return answer;
		const keys = keysOfRead(url);
		if (!keys || !keys.some((key) => this.#pending.has(key))) return answer;
		const { rows, ...rest } = JSON.parse(answer) as { rows: AllDocsRow[] };
		const kept = rows.filter((row) => {
			const id = row.key ?? row.id ?? '';
			const sent = this.#pending.get(id);
			if (!sent) return true;
			this.#pending.delete(id);
			const stored = row.doc;
			return (
				!!stored && stored._rev === sent.rev && isSameEdit(comparable(stored), comparable(sent.doc))
			);
		});
		return JSON.stringify({ ...rest, rows: kept });
	}
}
