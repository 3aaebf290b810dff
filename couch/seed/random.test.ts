import { describe, expect, it } from 'vitest';
import { isRecordId } from '../../src/lib/domain/ids';
import { Random, stableUuid } from './random';

describe('stable ids', () => {
	it('are uuid-shaped record ids, the same for the same name and different otherwise', () => {
		const id = stableUuid('household/0');
		expect(isRecordId(`household:${id}`, 'household')).toBe(true);
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(stableUuid('household/0')).toBe(id);
		expect(stableUuid('household/1')).not.toBe(id);
	});
});

describe('seeded random source', () => {
	it('repeats its stream for the same name', () => {
		const first = new Random('a');
		const second = new Random('a');
		const other = new Random('b');
		const draws = Array.from({ length: 5 }, () => first.next());
		expect(Array.from({ length: 5 }, () => second.next())).toEqual(draws);
		expect(Array.from({ length: 5 }, () => other.next())).not.toEqual(draws);
	});

	it('keeps integers, normals and picks within bounds', () => {
		const random = new Random('bounds');
		const seen = new Set<number>();
		for (let i = 0; i < 2000; i++) {
			const value = random.int(3, 7);
			seen.add(value);
			const normal = random.normal(100, 30, 80, 120);
			expect(normal).toBeGreaterThanOrEqual(80);
			expect(normal).toBeLessThanOrEqual(120);
		}
		expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
		expect(random.digits(6)).toMatch(/^\d{6}$/);
	});

	it('picks by weight', () => {
		const random = new Random('weights');
		let heavy = 0;
		for (let i = 0; i < 10_000; i++) {
			if (
				random.weighted([
					['heavy', 9],
					['light', 1]
				] as const) === 'heavy'
			)
				heavy += 1;
		}
		expect(heavy / 10_000).toBeGreaterThan(0.87);
		expect(heavy / 10_000).toBeLessThan(0.93);
	});
});
