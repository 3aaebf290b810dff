import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CouchClient, CouchRequest } from '../couch/client';
import { UPSTREAM_POLL_MS, waitForChange, wakeWaiters } from './change-watcher';

type Longpoll = (init: CouchRequest) => Promise<unknown>;

/** CouchDB as the watcher sees it: the longpolls go to `longpoll`, the quick checks find nothing. */
function couchWith(longpoll: Longpoll): { client: CouchClient; longpolls: () => number } {
	let count = 0;
	const json = async (_path: string, init: CouchRequest = {}) => {
		if (init.query?.feed !== 'longpoll') return { results: [], last_seq: 5 };
		count += 1;
		return longpoll(init);
	};
	return { client: { json } as unknown as CouchClient, longpolls: () => count };
}

/** A longpoll that never settles, not even when aborted, as PouchDB Server's once did. */
const unanswered: Longpoll = () => new Promise(() => {});

afterEach(() => {
	vi.useRealTimers();
});

describe('waiting for a change in a ward database', () => {
	it('wakes the waiters at once on a write through the gateway, whatever upstream says', async () => {
		const { client } = couchWith(unanswered);
		const waiting = waitForChange(client, 'ward_wake', 5, 60_000, new AbortController().signal);
		await new Promise((resolve) => setTimeout(resolve, 10));
		wakeWaiters('ward_wake');
		expect(await waiting).toBe(true);
	});

	it('renews an upstream longpoll that missed a change', async () => {
		vi.useFakeTimers();
		let calls = 0;
		const { client, longpolls } = couchWith((init) => {
			calls += 1;
			return calls === 1
				? unanswered(init)
				: Promise.resolve({ results: [{ id: 'person:a' }], last_seq: 6 });
		});
		let woke: boolean | undefined;
		void waitForChange(client, 'ward_renew', 5, 60_000, new AbortController().signal).then(
			(result) => (woke = result)
		);
		await vi.advanceTimersByTimeAsync(UPSTREAM_POLL_MS - 100);
		expect(woke).toBeUndefined();
		await vi.advanceTimersByTimeAsync(200);
		expect(longpolls()).toBe(2);
		expect(woke).toBe(true);
	});
});
