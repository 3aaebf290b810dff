// Keeps this process's account and session caches true to `hssk_users` when another app
// server (or a script) changes them: one longpoll on that database's changes feed, and every
// account or session document that changes is forgotten here. So a disabled account, a reset
// password or an ended session is refused on its next request in every process, not only in
// the one that made the change; the caches' lifetime is the bound should this watcher lag.

import type { CouchClient } from '../couch/client';
import { USERS_DATABASE } from '../couch/databases';
import { logEvent } from '../log';

export type AccountForgetter = {
	forgetUser(username: string): void;
	forgetSession(tokenHash: string): void;
};

type Seq = string | number;
type ChangesAnswer = { results: { id: string }[]; last_seq: Seq };

/** PouchDB Server ignores a longpoll's `timeout`: the request is ended here instead. */
const POLL_MS = 55_000;
const RETRY_AFTER_ERROR_MS = 2_000;
const ACCOUNT_PREFIX = 'user:';
const SESSION_PREFIX = 'session:';

export function forgetChanged(forgetter: AccountForgetter, ids: readonly string[]): void {
	for (const id of ids) {
		if (id.startsWith(ACCOUNT_PREFIX)) forgetter.forgetUser(id.slice(ACCOUNT_PREFIX.length));
		else if (id.startsWith(SESSION_PREFIX)) {
			forgetter.forgetSession(id.slice(SESSION_PREFIX.length));
		}
	}
}

export type AccountWatcher = { stop(): void };

export function watchAccounts(client: CouchClient, forgetter: AccountForgetter): AccountWatcher {
	let isStopped = false;
	let controller: AbortController | undefined;

	const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

	async function run(): Promise<void> {
		let since: Seq | undefined;
		while (!isStopped) {
			controller = new AbortController();
			const timer = setTimeout(() => controller?.abort(), POLL_MS);
			try {
				if (since === undefined) {
					const info = await client.json<{ update_seq: Seq }>(USERS_DATABASE, {
						signal: controller.signal
					});
					since = info.update_seq;
					continue;
				}
				const answer = await client.json<ChangesAnswer>(`${USERS_DATABASE}/_changes`, {
					query: { feed: 'longpoll', since: String(since), timeout: POLL_MS },
					signal: controller.signal
				});
				forgetChanged(
					forgetter,
					answer.results.map((row) => row.id)
				);
				since = answer.last_seq ?? since;
			} catch (error) {
				if (!controller.signal.aborted && !isStopped) {
					logEvent('warn', 'auth.watch_failed', { error: (error as Error).name });
					await pause(RETRY_AFTER_ERROR_MS);
				}
			} finally {
				clearTimeout(timer);
			}
		}
	}

	void run();
	return {
		stop() {
			isStopped = true;
			controller?.abort();
		}
	};
}
