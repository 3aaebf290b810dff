// One progress cache for the process, kept warm in the background unless PROGRESS_WARM=0.

import { couch } from '../config';
import { logEvent } from '../log';
import { WardProgressCache } from './ward-cache';
import { isWarmingOn, keepWarm, warmAllWards } from './warm';

let cache: WardProgressCache | undefined;

export function wardProgressCache(): WardProgressCache {
	cache ??= new WardProgressCache(couch());
	return cache;
}

let isWarming = false;

/** Called once when the server starts: reads every ward now, then keeps them current. */
export function startProgressWarming(env: Record<string, string | undefined> = process.env): void {
	if (isWarming || !isWarmingOn(env)) return;
	isWarming = true;
	const progress = wardProgressCache();
	warmAllWards(couch(), progress)
		.catch((error: unknown) => {
			logEvent('warn', 'progress.warm_failed', {
				error: error instanceof Error ? error.name : 'unknown'
			});
		})
		.finally(() => keepWarm(progress));
}
