// `_changes` filtered to the caller's scope (and to one record type with `type=`). A page is
// filled up to `limit` with matching rows while upstream has more, because RxDB and PouchDB
// both stop pulling on a short page; `last_seq` is the seq of the last upstream row examined,
// never parsed (PouchDB Server counts with integers, CouchDB with opaque strings).

import { RECORD_TYPES, recordTypeOf, type RecordType } from '$lib/domain';
import { Refusal } from '../http';
import { readJsonBody } from './body';
import { isTrue, upstream, type GatewayContext } from './context';
import { mapLimited, PLACEMENT_LOOKUPS_AT_ONCE, type CouchDoc } from './placement';
import { canRead } from './scope';

export type Seq = string | number;
type UpstreamChange = {
	seq: Seq;
	id: string;
	changes: { rev: string }[];
	deleted?: boolean;
	doc?: CouchDoc | null;
};
export type ChangeRow = Omit<UpstreamChange, 'doc'> & { doc?: CouchDoc | null };
export type ChangesPage = { results: ChangeRow[]; last_seq: Seq };

export type ChangesQuery = {
	since: Seq;
	limit?: number;
	includeDocs: boolean;
	style: 'all_docs' | 'main_only';
	conflicts: boolean;
	docIds?: string[];
	type?: RecordType;
	isLongpoll: boolean;
	timeoutMs: number;
	heartbeatMs?: number;
};

/** CouchDB's default longpoll timeout, and our ceiling whatever the client asks. */
export const MAX_LONGPOLL_MS = 60_000;
const MIN_HEARTBEAT_MS = 1_000;
const FIRST_BATCH_MIN = 50;
const BATCH_MAX = 5_000;

function positiveInt(value: string | null): number | undefined {
	if (value === null || value === '') return undefined;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 0) throw new Refusal(400, 'gateway.bad_request');
	return number;
}

function docIdsOf(value: unknown): string[] {
	if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) {
		throw new Refusal(400, 'gateway.bad_request');
	}
	return value;
}

export async function parseChangesQuery(context: GatewayContext): Promise<ChangesQuery> {
	const params = context.event.url.searchParams;
	const feed = params.get('feed') ?? 'normal';
	if (feed !== 'normal' && feed !== 'longpoll') throw new Refusal(400, 'gateway.bad_request');
	if (isTrue(params.get('descending'))) throw new Refusal(400, 'gateway.bad_request');
	const filter = params.get('filter');
	if (filter !== null && filter !== '_doc_ids') throw new Refusal(400, 'gateway.bad_request');
	const type = params.get('type');
	if (type !== null && !(RECORD_TYPES as readonly string[]).includes(type)) {
		throw new Refusal(400, 'doc.type');
	}
	let docIds: string[] | undefined;
	if (filter === '_doc_ids') {
		if (context.event.request.method === 'POST') {
			const body = (await readJsonBody(context.event.request)) as { doc_ids?: unknown } | undefined;
			docIds = docIdsOf(body?.doc_ids);
		} else {
			try {
				docIds = docIdsOf(JSON.parse(params.get('doc_ids') ?? 'null'));
			} catch (error) {
				if (error instanceof Refusal) throw error;
				throw new Refusal(400, 'gateway.bad_request');
			}
		}
	}
	const limit = positiveInt(params.get('limit'));
	const heartbeat = positiveInt(params.get('heartbeat'));
	const timeout = positiveInt(params.get('timeout'));
	return {
		since: params.get('since') ?? 0,
		limit: limit === undefined ? undefined : Math.max(limit, 1),
		includeDocs: isTrue(params.get('include_docs')),
		style: params.get('style') === 'all_docs' ? 'all_docs' : 'main_only',
		conflicts: isTrue(params.get('conflicts')),
		docIds,
		type: (type as RecordType | null) ?? undefined,
		isLongpoll: feed === 'longpoll',
		timeoutMs: Math.min(timeout ?? MAX_LONGPOLL_MS, MAX_LONGPOLL_MS),
		heartbeatMs: heartbeat ? Math.max(heartbeat, MIN_HEARTBEAT_MS) : undefined
	};
}

async function isVisible(
	context: GatewayContext,
	query: ChangesQuery,
	row: UpstreamChange
): Promise<boolean> {
	const type = recordTypeOf(row.id);
	if (!type || (query.type && type !== query.type)) return false;
	const doc: CouchDoc = row.doc ?? {
		_id: row.id,
		_rev: row.changes[0]?.rev,
		_deleted: row.deleted === true
	};
	return canRead(context.scope, await context.placements.ofDoc(doc));
}

function shaped(row: UpstreamChange, query: ChangesQuery): ChangeRow {
	const { doc, ...rest } = row;
	return query.includeDocs ? { ...rest, doc: doc ?? null } : rest;
}

/** One page of the caller's changes after `since`, read from upstream in growing batches. */
export async function scanChanges(
	context: GatewayContext,
	query: ChangesQuery,
	since: Seq
): Promise<ChangesPage> {
	const results: ChangeRow[] = [];
	let cursor = since;
	let batch = Math.min(Math.max((query.limit ?? BATCH_MAX) * 2, FIRST_BATCH_MIN), BATCH_MAX);
	for (;;) {
		const answer = await upstream<{ results: UpstreamChange[]; last_seq: Seq }>(
			context,
			'_changes',
			{
				method: query.docIds ? 'POST' : 'GET',
				query: {
					since: String(cursor),
					limit: batch,
					include_docs: true,
					style: query.style,
					conflicts: query.conflicts || undefined,
					filter: query.docIds ? '_doc_ids' : undefined
				},
				body: query.docIds ? { doc_ids: query.docIds } : undefined
			}
		);
		const rows = answer.results;
		const visible = await mapLimited(rows, PLACEMENT_LOOKUPS_AT_ONCE, (row) =>
			isVisible(context, query, row)
		);
		for (let index = 0; index < rows.length; index++) {
			cursor = rows[index].seq;
			if (!visible[index]) continue;
			results.push(shaped(rows[index], query));
			if (query.limit !== undefined && results.length >= query.limit) {
				return { results, last_seq: cursor };
			}
		}
		if (rows.length < batch) return { results, last_seq: answer.last_seq ?? cursor };
		batch = Math.min(batch * 2, BATCH_MAX);
	}
}
