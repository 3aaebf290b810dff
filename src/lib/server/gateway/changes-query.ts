// What a caller asks of `_changes`, read from the request: only the options the replication
// clients use (RxDB's CouchDB plugin, stock PouchDB), plus `type=<record type>`.

import { RECORD_TYPES, type RecordType } from '$lib/domain';
import { Refusal } from '../http';
import { readJsonBody } from './body';
import { isTrue, type GatewayContext } from './context';

export type Seq = string | number;

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
