import { describe, expect, it } from 'vitest';
import { mapInChunks } from './chunked';

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index);

describe('work in chunks', () => {
	it('returns every result in order and reports each chunk as it is done', async () => {
		const reports: Array<{ results: number[]; done: number }> = [];
		let pauses = 0;
		const all = await mapInChunks(numbers(7), {
			size: 3,
			work: async (item) => item * 10,
			onChunk: (results, done) => reports.push({ results, done }),
			pause: async () => void pauses++
		});
		expect(all).toEqual([0, 10, 20, 30, 40, 50, 60]);
		expect(reports).toEqual([
			{ results: [0, 10, 20], done: 3 },
			{ results: [30, 40, 50], done: 6 },
			{ results: [60], done: 7 }
		]);
		// Between chunks only: nothing to wait for after the last.
		expect(pauses).toBe(2);
	});

	it('does no work in a chunk before the pause that precedes it has ended', async () => {
		const events: string[] = [];
		await mapInChunks(numbers(4), {
			size: 2,
			work: (item) => void events.push(`work ${item}`),
			onChunk: (_, done) => events.push(`chunk ${done}`),
			pause: async () => {
				events.push('pause');
				await Promise.resolve();
				events.push('resume');
			}
		});
		expect(events).toEqual([
			'work 0',
			'work 1',
			'chunk 2',
			'pause',
			'resume',
			'work 2',
			'work 3',
			'chunk 4'
		]);
	});

	it('stops at the next chunk when aborted, and reports nothing further', async () => {
		const controller = new AbortController();
		const done: number[] = [];
		const worked: number[] = [];
		const all = await mapInChunks(numbers(10), {
			size: 2,
			work: (item) => {
				worked.push(item);
				return item;
			},
			onChunk: (_, count) => {
				done.push(count);
				if (count === 4) controller.abort();
			},
			pause: async () => {},
			signal: controller.signal
		});
		expect(all).toBeNull();
		expect(done).toEqual([2, 4]);
		expect(worked).toEqual([0, 1, 2, 3]);
	});

	it('drops a chunk that was aborted while it was being made', async () => {
		const controller = new AbortController();
		const reports: number[] = [];
		const all = await mapInChunks(numbers(3), {
			size: 3,
			work: (item) => {
				if (item === 1) controller.abort();
				return item;
			},
			onChunk: (_, count) => reports.push(count),
			pause: async () => {},
			signal: controller.signal
		});
		expect(all).toBeNull();
		expect(reports).toEqual([]);
	});

	it('handles no items and refuses an empty chunk size', async () => {
		const options = { work: (item: number) => item, onChunk: () => {}, pause: async () => {} };
		expect(await mapInChunks([], { ...options, size: 5 })).toEqual([]);
		await expect(mapInChunks(numbers(2), { ...options, size: 0 })).rejects.toThrow(RangeError);
	});
});
