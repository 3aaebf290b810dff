import { describe, expect, it } from 'vitest';
import { TtlCache } from './cache';

describe('TtlCache', () => {
	it('forgets an entry when its lifetime is over', () => {
		let now = 1_000;
		const cache = new TtlCache<string, number>(100, 10, () => now);
		cache.set('a', 1);
		now += 99;
		expect(cache.get('a')).toBe(1);
		now += 1;
		expect(cache.get('a')).toBeUndefined();
	});

	it('keeps a cached null apart from a missing entry', () => {
		const cache = new TtlCache<string, number | null>(100, 10);
		cache.set('gone', null);
		expect(cache.get('gone')).toBeNull();
		expect(cache.get('never')).toBeUndefined();
	});

	it('drops the oldest entry when full', () => {
		const cache = new TtlCache<number, number>(1_000, 3);
		for (const key of [1, 2, 3, 4]) cache.set(key, key);
		expect(cache.size).toBe(3);
		expect(cache.get(1)).toBeUndefined();
		expect(cache.get(4)).toBe(4);
	});

	it('removes every entry a predicate matches', () => {
		const cache = new TtlCache<string, string>(1_000, 10);
		cache.set('x1', 'ana');
		cache.set('x2', 'bao');
		cache.deleteWhere((_key, value) => value === 'ana');
		expect(cache.get('x1')).toBeUndefined();
		expect(cache.get('x2')).toBe('bao');
	});
});
