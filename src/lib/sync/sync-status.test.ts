import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATUS, SyncStatusStore, type SyncStatus } from './sync-status';

describe('sync status store', () => {
	it('gives the current status at once and every change after', () => {
		const store = new SyncStatusStore();
		const seen: SyncStatus[] = [];
		const stop = store.subscribe((status) => seen.push(status));
		store.update({ waiting: 2 });
		store.update({ waiting: 2 });
		store.update({ isOnline: false });
		stop();
		store.update({ waiting: 0 });
		expect(seen.map((status) => [status.waiting, status.isOnline])).toEqual([
			[0, true],
			[2, true],
			[2, false]
		]);
		expect(store.current).toEqual({ ...INITIAL_SYNC_STATUS, waiting: 0, isOnline: false });
	});
});
