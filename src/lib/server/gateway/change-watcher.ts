// Waits for changes in a ward database on behalf of every longpolling device at once: one
// upstream longpoll per database with waiters, not one per device. The gateway keeps the
// longpoll itself because PouchDB Server ignores the `timeout` of a longpoll.
//
// That one upstream longpoll is not trusted to see every change, nor to end when aborted:
// against PouchDB Server on disk, a longpoll issued just before a write was seen here to stay
// unanswered while later changes piled up, and to stay pending after its abort
// (tests/integration/deleted-on-server.test.ts, about one run in six); every device of the
// ward then heard of nothing more. So the watcher stops waiting on it when it aborts it
// (`abortable`), renews it every UPSTREAM_POLL_MS, and a write through this gateway wakes the
// waiters itself (`wakeWaiters`): only writes made elsewhere wait for the upstream poll.

import type { CouchClient } from '../couch/client';
import { logEvent } from '../log';

type Seq = string | number;
type ChangesAnswer = { results: unknown[]; last_seq: Seq };

/** Renew the upstream longpoll this often, whether or not the server honours `timeout`: the
 * longest a change made outside this gateway can wait, should a longpoll miss it. */
export const UPSTREAM_POLL_MS = 10_000;
const RETRY_AFTER_ERROR_MS = 1_000;

/** The request's answer, or an AbortError as soon as `signal` aborts, settled or not. */
function abortable<T>(request: Promise<T>, signal: AbortSignal): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const onAbort = () =>
			reject(new DOMException('The upstream longpoll was aborted', 'AbortError'));
		if (signal.aborted) return onAbort();
		signal.addEventListener('abort', onAbort, { once: true });
		request.then(
			(value) => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error instanceof Error ? error : new Error(String(error)));
			}
		);
	});
}

class DatabaseWatcher {
	readonly #waiters = new Set<() => void>();
	#controller: AbortController | undefined;
	#isRunning = false;

	constructor(
		readonly client: CouchClient,
		readonly database: string
	) {}

	subscribe(since: Seq, wake: () => void): () => void {
		this.#waiters.add(wake);
		if (!this.#isRunning) void this.#run(since);
		return () => {
			this.#waiters.delete(wake);
			if (this.#waiters.size === 0) this.#controller?.abort();
		};
	}

	wakeAll(): void {
		for (const wake of [...this.#waiters]) wake();
	}

	async #run(since: Seq): Promise<void> {
		this.#isRunning = true;
		let current = since;
		try {
			while (this.#waiters.size > 0) {
				const controller = new AbortController();
				this.#controller = controller;
				const timer = setTimeout(() => controller.abort(), UPSTREAM_POLL_MS);
				try {
					const request = this.client.json<ChangesAnswer>(`${this.database}/_changes`, {
						query: {
							feed: 'longpoll',
							since: String(current),
							limit: 1,
							timeout: UPSTREAM_POLL_MS
						},
						signal: controller.signal
					});
					const answer = await abortable(request, controller.signal);
					current = answer.last_seq ?? current;
					if (answer.results.length > 0) this.wakeAll();
				} catch (error) {
					if (!controller.signal.aborted) {
						logEvent('warn', 'gateway.watch_failed', {
							database: this.database,
							error: (error as Error).name
						});
						await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_ERROR_MS));
					}
				} finally {
					clearTimeout(timer);
				}
			}
		} finally {
			this.#isRunning = false;
		}
	}
}

const watchers = new Map<string, DatabaseWatcher>();

/** The database changed through this gateway: whoever waits on it looks again now. */
export function wakeWaiters(database: string): void {
	watchers.get(database)?.wakeAll();
}

/**
 * Resolves true when the database changes after `since`, false at the deadline or when the
 * client goes away. Whether the change concerns the caller is for the caller to find out.
 */
export function waitForChange(
	client: CouchClient,
	database: string,
	since: Seq,
	timeoutMs: number,
	signal: AbortSignal
): Promise<boolean> {
	let watcher = watchers.get(database);
	if (!watcher) {
		watcher = new DatabaseWatcher(client, database);
		watchers.set(database, watcher);
	}
	const subscribing = watcher;
	return new Promise<boolean>((resolve) => {
		let isDone = false;
		const finish = (hasChanged: boolean) => {
			if (isDone) return;
			isDone = true;
			unsubscribe();
			clearTimeout(timer);
			signal.removeEventListener('abort', onAbort);
			resolve(hasChanged);
		};
		const onAbort = () => finish(false);
		const unsubscribe = subscribing.subscribe(since, () => finish(true));
		const timer = setTimeout(() => finish(false), timeoutMs);
		signal.addEventListener('abort', onAbort);
		if (signal.aborted) finish(false);
		// A change between the caller's last read and subscribing would otherwise be missed
		// by a watcher that started later.
		client
			.json<ChangesAnswer>(`${database}/_changes`, { query: { since: String(since), limit: 1 } })
			.then((answer) => {
				if (answer.results.length > 0) finish(true);
			})
			.catch(() => undefined);
	});
}
