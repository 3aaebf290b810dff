// How long the oldest unsent record has waited, in the largest whole unit that fits ("lâu nhất
// 2 giờ" / "oldest 2 hours"). A person who sees days here knows to find a connection: the
// records exist on this phone alone until the server acknowledges them.

import type { Phrase } from './sync-summary';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function counted(count: number, one: Phrase['key'], many: Phrase['key']): Phrase {
	return count === 1 ? { key: one } : { key: many, params: { count } };
}

/** Null when `oldestAt` is not a time; a time ahead of `now` (a clock set back) reads "just saved". */
export function waitingAge(oldestAt: string, now: Date): Phrase | null {
	const since = Date.parse(oldestAt);
	if (Number.isNaN(since)) return null;
	const elapsed = now.getTime() - since;
	if (elapsed < MINUTE_MS) return { key: 'sync.oldest.now' };
	if (elapsed < HOUR_MS) {
		return counted(Math.floor(elapsed / MINUTE_MS), 'sync.oldest.minute', 'sync.oldest.minutes');
	}
	if (elapsed < DAY_MS) {
		return counted(Math.floor(elapsed / HOUR_MS), 'sync.oldest.hour', 'sync.oldest.hours');
	}
	return counted(Math.floor(elapsed / DAY_MS), 'sync.oldest.day', 'sync.oldest.days');
}
