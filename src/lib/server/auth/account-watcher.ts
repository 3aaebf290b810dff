// Keeps this process's account and session caches true to `hssk_users` when another app
// server (or a script) changes them: every account or session document that changes in that
// database's feed is forgotten here. So a disabled account, a reset password or an ended
// session is refused on its next request in every process, not only in the one that made the
// change; the caches' lifetime is the bound should this watcher lag.

import type { CouchClient } from '../couch/client';
import { USERS_DATABASE } from '../couch/databases';
import { watchFeed, type FeedWatch } from '../couch/feed-watch';

export type AccountForgetter = {
	forgetUser(username: string): void;
	forgetSession(tokenHash: string): void;
};

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

export type AccountWatcher = FeedWatch;

export function watchAccounts(client: CouchClient, forgetter: AccountForgetter): AccountWatcher {
	return watchFeed(
		client,
		USERS_DATABASE,
		(ids) => forgetChanged(forgetter, ids),
		'auth.watch_failed'
	);
}
