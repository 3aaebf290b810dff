import { describe, expect, it } from 'vitest';
import { Backoff, RETRY_FIRST_MS, RETRY_MAX_MS } from './backoff';

describe('retry back-off', () => {
	it('doubles from 2 s up to 60 s and starts again after a success', () => {
		const backoff = new Backoff();
		const waits = Array.from({ length: 8 }, () => backoff.fail());
		expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
		expect(RETRY_MAX_MS).toBe(60_000);
		backoff.reset();
		expect(backoff.current).toBe(RETRY_FIRST_MS);
		expect(backoff.fail()).toBe(2_000);
	});

	it('keeps to the bounds it is given', () => {
		const backoff = new Backoff({ firstMs: 100, maxMs: 350 });
		expect(Array.from({ length: 4 }, () => backoff.fail())).toEqual([100, 200, 350, 350]);
		expect(backoff.first).toBe(100);
		backoff.reset();
		expect(backoff.current).toBe(100);
	});
});
