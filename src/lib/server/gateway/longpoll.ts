// Longpoll for `_changes`: when the caller has nothing new, the answer waits (at most
// MAX_LONGPOLL_MS) for a change they may see, sending CouchDB's heartbeat newlines meanwhile.
// The gateway keeps the wait itself because PouchDB Server ignores a longpoll's `timeout`.

import { auditChangesPage } from './audit-records';
import { waitForChange } from './change-watcher';
import { scanChanges, type ChangesPage } from './changes-feed';
import type { ChangesQuery, Seq } from './changes-query';
import type { GatewayContext } from './context';

/** Waits for a change the caller may see, until the deadline; then answers empty. */
async function longpoll(
	context: GatewayContext,
	query: ChangesQuery,
	from: Seq,
	signal: AbortSignal
): Promise<ChangesPage> {
	const deadline = Date.now() + query.timeoutMs;
	let lastSeq = from;
	while (!signal.aborted) {
		const remaining = deadline - Date.now();
		if (remaining <= 0) break;
		const database = context.scope.database;
		if (!(await waitForChange(context.client, database, lastSeq, remaining, signal))) break;
		// Refused on its next request, the device hears of it then; until that, nothing more.
		if (!(await context.isCallerSignedIn())) break;
		const page = await scanChanges(context, query, lastSeq);
		lastSeq = page.last_seq;
		if (page.results.length > 0) return page;
	}
	return { results: [], last_seq: lastSeq };
}

/** Sends newlines while waiting (CouchDB's heartbeat), then the page as JSON. */
export function answerWhenChanged(
	context: GatewayContext,
	query: ChangesQuery,
	from: Seq
): Response {
	const encoder = new TextEncoder();
	const controller = new AbortController();
	const stop = () => controller.abort();
	context.event.request.signal.addEventListener('abort', stop);
	let beat: ReturnType<typeof setInterval> | undefined;
	const body = new ReadableStream<Uint8Array>({
		async start(stream) {
			const send = (text: string) => {
				try {
					stream.enqueue(encoder.encode(text));
				} catch {
					controller.abort();
				}
			};
			if (query.heartbeatMs && query.heartbeatMs < query.timeoutMs) {
				beat = setInterval(() => send('\n'), query.heartbeatMs);
			}
			let page: ChangesPage;
			try {
				page = await longpoll(context, query, from, controller.signal);
				auditChangesPage(context, page);
			} catch {
				// Whatever failed while waiting, an empty answer lets the client simply ask again.
				page = { results: [], last_seq: from };
			} finally {
				clearInterval(beat);
				context.event.request.signal.removeEventListener('abort', stop);
			}
			send(JSON.stringify(page) + '\n');
			try {
				stream.close();
			} catch {
				// the client has gone
			}
		},
		cancel() {
			clearInterval(beat);
			controller.abort();
		}
	});
	return new Response(body, {
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
}
