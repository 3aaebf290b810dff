// `_changes` filtered to the caller's scope (and to one record type with `type=`). A page is
// filled up to `limit` with matching rows while upstream has more, because RxDB and PouchDB
// both stop pulling on a short page; `last_seq` is a seq upstream gave, never parsed (PouchDB
// Server counts with integers, CouchDB with opaque strings).
//
// Upstream is read through the ward's scope filter (scope-filter.ts), so only the caller's
// rows cross the wire, and a device's record types share one reading (scope-feed.ts). Without
// the filter (`filter=_doc_ids`, or a ward database not yet provisioned with it) the whole
// feed is read in growing batches and sorted out here. Either way every row is checked here
// against the caller's scope: the filter narrows, it never decides.

import { recordTypeOf } from '$lib/domain';
import { CouchError } from '../couch/client';
import { logEvent } from '../log';
import type { ChangesQuery, Seq } from './changes-query';
import type { GatewayContext } from './context';
import { mapLimited, PLACEMENT_LOOKUPS_AT_ONCE, type CouchDoc } from './placement';
import { canRead } from './scope';
import { scopeReadingAt } from './scope-feed';
import { scopeFilterQuery } from './scope-filter';
import { readUpstreamChanges, type UpstreamChange } from './upstream-changes';

export type ChangeRow = Omit<UpstreamChange, 'doc'> & { doc?: CouchDoc | null };
export type ChangesPage = { results: ChangeRow[]; last_seq: Seq };

const FIRST_BATCH_MIN = 50;
/** The most rows one upstream request asks for, so no answer grows without bound. */
const BATCH_MAX = 5_000;
/** A ward found without the filter is read unfiltered this long before the filter is tried again. */
const MISSING_FILTER_RETRY_MS = 60_000;
const missingFilterUntil = new Map<string, number>();

/**
 * The rows of a page by id, in feed order. A document changed while a page is being put
 * together can come twice (from a reading, then from upstream): it keeps its later row, once.
 */
class Page {
	readonly #rows = new Map<string, ChangeRow>();

	constructor(readonly query: ChangesQuery) {}

	add(row: UpstreamChange): void {
		const { doc, ...rest } = row;
		this.#rows.delete(row.id);
		this.#rows.set(row.id, this.query.includeDocs ? { ...rest, doc: doc ?? null } : rest);
	}

	/** How many more rows the page takes (Infinity without a limit). */
	get room(): number {
		return (this.query.limit ?? Infinity) - this.#rows.size;
	}

	answer(lastSeq: Seq): ChangesPage {
		return { results: [...this.#rows.values()], last_seq: lastSeq };
	}
}

function isOfQuery(query: ChangesQuery, id: string): boolean {
	const type = recordTypeOf(id);
	return type !== null && (!query.type || type === query.type);
}

async function isVisible(context: GatewayContext, row: UpstreamChange): Promise<boolean> {
	const doc: CouchDoc = row.doc ?? {
		_id: row.id,
		_rev: row.changes[0]?.rev,
		_deleted: row.deleted === true
	};
	return canRead(context.scope, await context.placements.ofDoc(doc));
}

function visibleRows(context: GatewayContext, rows: UpstreamChange[]): Promise<boolean[]> {
	return mapLimited(rows, PLACEMENT_LOOKUPS_AT_ONCE, (row) => isVisible(context, row));
}

/**
 * Adds the visible rows of the query among `rows` to the page, in order, until it is full.
 * Returns the seq of the last row looked at when the page filled, or undefined when every row
 * was looked at.
 */
async function addVisible(
	context: GatewayContext,
	page: Page,
	rows: readonly UpstreamChange[]
): Promise<Seq | undefined> {
	const candidates = rows.filter((row) => isOfQuery(page.query, row.id));
	let next = 0;
	while (next < candidates.length) {
		const chunk = candidates.slice(next, next + Math.min(page.room, BATCH_MAX));
		next += chunk.length;
		const visible = await visibleRows(context, chunk);
		for (let index = 0; index < chunk.length; index++) {
			if (!visible[index]) continue;
			page.add(chunk[index]);
			if (page.room <= 0) return chunk[index].seq;
		}
	}
	return undefined;
}

/** Through the scope filter: upstream answers only candidate rows, up to the number still wanted. */
async function scanFiltered(
	context: GatewayContext,
	query: ChangesQuery,
	since: Seq
): Promise<ChangesPage> {
	const page = new Page(query);
	let cursor = since;
	// Only per-type pulls share a reading. A pull of every type scans the ward once either way,
	// and its pages, read upstream one by one, overlap with the client's own requests (measured
	// with stock PouchDB: 1.5 times its floor page by page, 1.9 times from one reading).
	const start = query.type ? await scopeReadingAt(context, query, since) : undefined;
	if (start) {
		const { reading, index } = start;
		const filledAt = await addVisible(context, page, reading.rows.slice(index + 1));
		if (filledAt !== undefined) return page.answer(filledAt);
		cursor = reading.lastSeq;
	}
	const filter = scopeFilterQuery(context.scope, query.type);
	for (;;) {
		const wanted = Math.min(page.room, BATCH_MAX);
		const answer = await readUpstreamChanges(context, query, {
			since: cursor,
			limit: wanted,
			filter
		});
		const rows = answer.results;
		const filledAt = await addVisible(context, page, rows);
		cursor = answer.last_seq ?? rows.at(-1)?.seq ?? cursor;
		// Upstream sent no more than the page takes, so a full page ends where upstream stopped.
		if (filledAt !== undefined || rows.length < wanted) return page.answer(cursor);
		// Else some rows were refused here (a deletion that could not be placed), or a row
		// replaced an earlier one of the same document: read on.
	}
}

/** The whole feed in growing batches, each row sorted out here. */
async function scanUnfiltered(
	context: GatewayContext,
	query: ChangesQuery,
	since: Seq
): Promise<ChangesPage> {
	const page = new Page(query);
	let cursor = since;
	let batch = Math.min(Math.max((query.limit ?? BATCH_MAX) * 2, FIRST_BATCH_MIN), BATCH_MAX);
	for (;;) {
		const answer = await readUpstreamChanges(context, query, {
			since: cursor,
			limit: batch,
			filter: query.docIds ? { filter: '_doc_ids' } : undefined
		});
		const rows = answer.results;
		const filledAt = await addVisible(context, page, rows);
		if (filledAt !== undefined) return page.answer(filledAt);
		cursor = answer.last_seq ?? rows.at(-1)?.seq ?? cursor;
		if (rows.length < batch) return page.answer(cursor);
		batch = Math.min(batch * 2, BATCH_MAX);
	}
}

function isFilterUsable(database: string): boolean {
	const until = missingFilterUntil.get(database);
	if (until === undefined) return true;
	if (Date.now() < until) return false;
	missingFilterUntil.delete(database);
	return true;
}

/** One page of the caller's changes after `since`. */
export async function scanChanges(
	context: GatewayContext,
	query: ChangesQuery,
	since: Seq
): Promise<ChangesPage> {
	const { database } = context.scope;
	if (!query.docIds && isFilterUsable(database)) {
		try {
			return await scanFiltered(context, query, since);
		} catch (error) {
			// Only a missing design document falls back; any other failure is the caller's answer.
			if (!(error instanceof CouchError && error.status === 404)) throw error;
			missingFilterUntil.set(database, Date.now() + MISSING_FILTER_RETRY_MS);
			logEvent('warn', 'gateway.scope_filter_missing', { database });
		}
	}
	return scanUnfiltered(context, query, since);
}
