// Keeps this process's readings of the org tree true to `hssk_org` when another app server
// (or a CLI: org import, org move, wards merge) changes it: any org unit that changes in that
// database's feed makes this process forget the units and groups its directory read and the
// tree its progress rolls up through. Org changes are rare and reading the tree again is one
// request, so all of it is forgotten rather than the one unit. Elsewhere (a sign-in, the
// progress tree) the org tree may lag another server's change by the feed's few milliseconds.

import { authenticator } from '../auth/caller';
import { couch } from '../config';
import { ORG_DATABASE } from '../couch/databases';
import { watchFeed, type FeedWatch } from '../couch/feed-watch';
import { forgetOrgTree } from '../progress/org-tree';

const UNIT_PREFIX = 'org:';

let watch: FeedWatch | undefined;

export function hasOrgUnit(ids: readonly string[]): boolean {
	return ids.some((id) => id.startsWith(UNIT_PREFIX));
}

/** Resolves once every org change committed before the call is forgotten here: what ward
 * staff edit (their groups) must show the edit made a moment ago through another server. */
export async function orgCaughtUp(): Promise<void> {
	await watch?.catchUp();
}

/** Started once, when the server starts. */
export function startOrgWatching(): void {
	if (watch) return;
	const started = watchFeed(
		couch(),
		ORG_DATABASE,
		(ids) => {
			if (!hasOrgUnit(ids)) return;
			authenticator().directory.forgetAll();
			forgetOrgTree();
		},
		'org.watch_failed'
	);
	watch = started;
	process.once('sveltekit:shutdown', () => started.stop());
}
