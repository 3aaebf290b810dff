// One longpoll on a database's changes feed for the life of the process, handing the ids that
// changed to `onChanged`: how a process hears of what another process (or a script) wrote, so
// that it forgets what it cached of them. It starts from the database's current update_seq,
// since what was cached before the start was read after it.
//
// The longpoll lags the write by a few milliseconds, and a caller can be quicker: seen here, a
// request sent to a second server just after a sign-out on the first was served from the
// second's cache. Where that matters, a request first has the watch catch up (`catchUp`): one
// plain read of the feed from where the longpoll stands, shared by the requests that arrive
// while it is under way, so every change committed before the request arrived is forgotten
// before it is served.

import type { CouchClient } from './client';
import { logEvent } from '../log';

type Seq = string | number;
type ChangesAnswer = { results: { id: string }[]; last_seq: Seq };

/** PouchDB Server ignores a longpoll's `timeout`: the request is ended here instead. */
const POLL_MS = 55_000;
const RETRY_AFTER_ERROR_MS = 2_000;

export type FeedWatch = {
	stop(): void;
	/** Resolves once every change committed before the call has been handed to `onChanged`. */
	catchUp(): Promise<void>;
};

export function watchFeed(
	client: CouchClient,
	database: string,
	onChanged: (ids: readonly string[]) => void,
	failureEvent: string
): FeedWatch {
	let isStopped = false;
	let controller: AbortController | undefined;
	let since: Seq | undefined;
	let catching: Promise<void> | null = null;
	let nextCatching: Promise<void> | null = null;

	const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

	async function readSince(): Promise<Seq> {
		const info = await client.json<{ update_seq: Seq }>(database);
		since ??= info.update_seq;
		return since;
	}

	/** One plain read of the feed from where the longpoll stands; `since` is the loop's to move. */
	async function readUp(): Promise<void> {
		const from = since ?? (await readSince());
		const answer = await client.json<ChangesAnswer>(`${database}/_changes`, {
			query: { since: String(from) }
		});
		onChanged(answer.results.map((row) => row.id));
	}

	/** A read already under way may have started before the caller arrived: it waits for the next. */
	function catchUp(): Promise<void> {
		if (!catching) {
			catching = readUp().finally(() => {
				catching = null;
			});
			return catching;
		}
		nextCatching ??= catching
			.catch(() => undefined)
			.then(() => {
				nextCatching = null;
				return catchUp();
			});
		return nextCatching;
	}

	async function run(): Promise<void> {
		while (!isStopped) {
			controller = new AbortController();
			const timer = setTimeout(() => controller?.abort(), POLL_MS);
			try {
				if (since === undefined) {
					const info = await client.json<{ update_seq: Seq }>(database, {
						signal: controller.signal
					});
					since ??= info.update_seq;
					continue;
				}
				const answer = await client.json<ChangesAnswer>(`${database}/_changes`, {
					query: { feed: 'longpoll', since: String(since), timeout: POLL_MS },
					signal: controller.signal
				});
				onChanged(answer.results.map((row) => row.id));
				since = answer.last_seq ?? since;
			} catch (error) {
				if (!controller.signal.aborted && !isStopped) {
					logEvent('warn', failureEvent, { error: (error as Error).name });
					await pause(RETRY_AFTER_ERROR_MS);
				}
			} finally {
				clearTimeout(timer);
			}
		}
	}

	void run();
	return {
		catchUp,
		stop() {
			isStopped = true;
			controller?.abort();
		}
	};
}
