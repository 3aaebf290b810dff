// The fetch RxDB's CouchDB replication uses to talk to the sync gateway. It
// - asks `_changes` for one record type (`type=`), since each collection replicates through
//   the same ward database;
// - sends the session cookie;
// - turns every failure into a MessageKey the status can show, and an exception RxDB retries;
// - takes the rows the gateway refused out of a `_bulk_docs` answer and reports them, because
//   RxDB's plugin throws on any refused row and would resend the whole batch forever, holding
//   back every record behind it. A row refused because its household was erased is not a
//   refusal to show: the device drops the household's records (erasure-drop.ts). A refused record keeps no stamp, so it stays counted as
//   waiting until someone corrects it (the next edit sends it again);
// - with `receipts`, has RxDB take the server's stamped copy with the push (push-receipts.ts).

import type { MessageKey, RecordType } from '$lib/domain';
import { PushReceipts } from './push-receipts';
import type { RefusedRecord } from './sync-status';

export type GatewayOperation = 'pull' | 'push' | 'other';

export type GatewayObservation =
	| { kind: 'ok'; operation: GatewayOperation }
	| { kind: 'failed'; operation: GatewayOperation; key: MessageKey; detail: string }
	| { kind: 'refused'; records: RefusedRecord[] }
	/**
	 * Rows refused because their household, or the person they are about, was erased: dropped
	 * from the device, never retried.
	 */
	| { kind: 'erased'; notices: { household: string; records: string[] }[] };

export class GatewayError extends Error {
	constructor(
		readonly key: MessageKey,
		readonly status: number | null,
		detail: string
	) {
		super(detail);
		this.name = 'GatewayError';
	}
}

export type GatewayFetchOptions = {
	recordType: RecordType;
	/** The fetch underneath; Node tests pass one that keeps the session cookie. */
	base?: typeof fetch;
	/** Aborts requests in flight (a long poll can hang for a minute) when the sync stops. */
	signal?: AbortSignal;
	observe?: (observation: GatewayObservation) => void;
	/** Take the stamped copy of each record written with the push (push-receipts.ts); not for
	 * device statuses, whose conflict handler keeps the device's copy and would send it again. */
	receipts?: boolean;
};

type BulkDocsRow = {
	id: string;
	ok?: boolean;
	error?: string;
	reason?: string;
	erased_household?: string;
};

function operationOf(url: string): GatewayOperation {
	if (url.includes('/_changes')) return 'pull';
	if (url.includes('/_bulk_docs') || url.includes('/_all_docs')) return 'push';
	return 'other';
}

function keyOfStatus(status: number): MessageKey {
	if (status === 401) return 'sync.signed_out';
	if (status === 403) return 'sync.forbidden';
	if (status >= 500) return 'sync.server_error';
	return 'sync.failed';
}

function failureDetail(status: number, text: string): string {
	try {
		const body = JSON.parse(text) as { error?: string; reason?: string };
		return `${status} ${body.error ?? ''}: ${body.reason ?? ''}`.trim();
	} catch {
		return `${status} ${text.slice(0, 200)}`.trim();
	}
}

/** The body of a `_bulk_docs` answer without the refused rows, which go to `observe`. */
function withoutRefusedRows(
	body: string,
	observe: (observation: GatewayObservation) => void
): string {
	const rows = JSON.parse(body) as BulkDocsRow[];
	const erased = rows.filter((row) => row.error !== undefined && row.erased_household);
	const refused = rows.filter(
		(row) => row.error !== undefined && row.error !== 'conflict' && !erased.includes(row)
	);
	if (refused.length === 0 && erased.length === 0) return body;
	if (erased.length > 0) {
		// The refused record goes too: a declaration about an erased person may name another,
		// live household, so dropping the erased household's records would not reach it.
		const notices = erased.map((row) => ({
			household: row.erased_household as string,
			records: [row.id]
		}));
		observe({ kind: 'erased', notices });
	}
	if (refused.length > 0) {
		observe({
			kind: 'refused',
			records: refused.map((row) => ({ id: row.id, reason: row.reason ?? row.error ?? '' }))
		});
	}
	return JSON.stringify(rows.filter((row) => !refused.includes(row) && !erased.includes(row)));
}

export function gatewayFetch(options: GatewayFetchOptions): typeof fetch {
	const base = options.base ?? globalThis.fetch.bind(globalThis);
	const observe = options.observe ?? (() => {});
	const receipts = options.receipts ? new PushReceipts() : null;
	return async (input, init) => {
		const original =
			typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		const url = original.replace(
			/\/_changes\?/,
			`/_changes?type=${encodeURIComponent(options.recordType)}&`
		);
		const operation = operationOf(url);
		const failed = (key: MessageKey, detail: string) =>
			observe({ kind: 'failed', operation, key, detail });
		let response: Response;
		let body: string;
		try {
			response = await base(url, {
				...init,
				credentials: 'include',
				signal: options.signal ?? init?.signal
			});
			// Read to the end here: a long poll's headers arrive at once, its answer much later.
			body = await response.text();
		} catch (error) {
			if (!options.signal?.aborted) failed('sync.network', String(error));
			throw error;
		}
		if (!response.ok) {
			const key = keyOfStatus(response.status);
			const detail = failureDetail(response.status, body);
			failed(key, detail);
			throw new GatewayError(key, response.status, detail);
		}
		if (url.includes('/_bulk_docs')) {
			body = withoutRefusedRows(body, observe);
			if (receipts) body = receipts.afterWrite(init?.body, body);
		} else if (receipts) {
			body = receipts.afterRead(init?.method, url, body);
		}
		observe({ kind: 'ok', operation });
		return new Response(body, {
			status: response.status,
			headers: { 'content-type': response.headers.get('content-type') ?? 'application/json' }
		});
	};
}
