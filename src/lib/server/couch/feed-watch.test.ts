import { describe, expect, it } from 'vitest';
import type { CouchClient, CouchRequest } from './client';
import { watchFeed } from './feed-watch';

type Pending = { resolve: (value: unknown) => void };

/** A database whose plain `_changes` reads wait until the test answers them; its longpoll never answers. */
function fakeFeed() {
	const plainReads: Pending[] = [];
	const client = {
		json<T>(path: string, init: CouchRequest = {}): Promise<T> {
			if (!path.endsWith('/_changes')) return Promise.resolve({ update_seq: 7 } as T);
			if (init.query?.feed === 'longpoll') {
				return new Promise<T>((_, reject) =>
					init.signal?.addEventListener('abort', () => reject(new Error('aborted')))
				);
			}
			return new Promise<T>((resolve) =>
				plainReads.push({ resolve: resolve as Pending['resolve'] })
			);
		}
	} as unknown as CouchClient;
	return { client, plainReads };
}

const answer = (ids: string[]) => ({ results: ids.map((id) => ({ id })), last_seq: 9 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchFeed catchUp', () => {
	it('hands on the ids changed since the longpoll, before it resolves', async () => {
		const { client, plainReads } = fakeFeed();
		const changed: string[] = [];
		const watch = watchFeed(client, 'db', (ids) => changed.push(...ids), 'test.failed');
		const caught = watch.catchUp();
		await settle();
		expect(plainReads).toHaveLength(1);
		plainReads[0].resolve(answer(['user:a', 'session:b']));
		await caught;
		expect(changed).toEqual(['user:a', 'session:b']);
		watch.stop();
	});

	it('makes callers that arrive during a read wait for one read of their own, shared', async () => {
		const { client, plainReads } = fakeFeed();
		const changed: string[] = [];
		const watch = watchFeed(client, 'db', (ids) => changed.push(...ids), 'test.failed');
		const first = watch.catchUp();
		await settle();
		let laterDone = 0;
		const later = [watch.catchUp(), watch.catchUp()].map((caught) =>
			caught.then(() => laterDone++)
		);
		plainReads[0].resolve(answer(['user:early']));
		await first;
		await settle();
		// The first read may have started before the change the later callers must see.
		expect(laterDone).toBe(0);
		expect(plainReads).toHaveLength(2);
		plainReads[1].resolve(answer(['user:late']));
		await Promise.all(later);
		expect(laterDone).toBe(2);
		expect(plainReads).toHaveLength(2);
		expect(changed).toEqual(['user:early', 'user:late']);
		watch.stop();
	});
});
