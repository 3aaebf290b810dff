// Keeps the progress cache warm, so that a supervisor's view seldom waits on CouchDB: every
// ward of the org tree is read once when the server starts, and while dashboards are in use
// the wards held are checked against their update_seq every few seconds in the background,
// re-reading only the views their changes feed. `PROGRESS_WARM=0` turns both off.

import { mapLimited } from '../gateway/placement';
import type { CouchClient } from '../couch/client';
import { logEvent } from '../log';
import { readOrgTree } from './org-tree';
import type { WardProgressCache } from './ward-cache';

/** Wards read at once in the background: leave CouchDB room for the requests. */
export const WARM_AT_ONCE = 2;
/** How often the wards held are checked while dashboards are in use. */
export const WARM_CHECK_MS = 5_000;
/** Dashboards unused for this long: stop checking until the next request. */
export const KEEP_WARM_MS = 60 * 60_000;

export function isWarmingOn(env: Record<string, string | undefined> = process.env): boolean {
	return env.PROGRESS_WARM !== '0';
}

/** Reads every ward of the org tree into the cache; resolves with how many were read. */
export async function warmAllWards(client: CouchClient, cache: WardProgressCache): Promise<number> {
	const started = performance.now();
	// Read apart from the request path's cached tree, which must not be taken this early.
	const tree = await readOrgTree(client);
	const wards = tree.wards();
	let failed = 0;
	await mapLimited(wards, WARM_AT_ONCE, (ward) =>
		cache.reading(ward.code).catch(() => {
			failed += 1;
		})
	);
	logEvent(failed > 0 ? 'warn' : 'info', 'progress.warmed', {
		wards: wards.length,
		failed,
		duration_ms: Math.round(performance.now() - started)
	});
	return wards.length - failed;
}

/** Checks the wards held every `intervalMs` while the cache is in use; returns a stop. */
export function keepWarm(
	cache: WardProgressCache,
	intervalMs: number = WARM_CHECK_MS,
	idleMs: number = KEEP_WARM_MS
): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let isStopped = false;
	const round = async () => {
		if (cache.clock().getTime() - cache.usedAt <= idleMs) {
			await mapLimited(cache.wards(), WARM_AT_ONCE, (ward) =>
				cache.reading(ward, intervalMs).catch(() => undefined)
			);
		}
		if (!isStopped) schedule();
	};
	const schedule = () => {
		timer = setTimeout(() => void round(), intervalMs);
		timer.unref?.();
	};
	schedule();
	return () => {
		isStopped = true;
		clearTimeout(timer);
	};
}
