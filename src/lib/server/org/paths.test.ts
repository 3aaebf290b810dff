import { describe, expect, it } from 'vitest';
import { computePaths, wouldCycle } from './paths';

describe('org paths', () => {
	it('writes each path from the root down to the unit itself (2021: three levels)', () => {
		const { paths, cycles, orphans } = computePaths(
			new Map([
				['26956-01', '26956'],
				['26956', '765'],
				['765', '79'],
				['79', null]
			])
		);
		expect(paths.get('26956-01')).toEqual(['79', '765', '26956', '26956-01']);
		expect(paths.get('79')).toEqual(['79']);
		expect(cycles.size + orphans.size).toBe(0);
	});

	it('takes a ward straight under the city (2025: two levels)', () => {
		const { paths } = computePaths(
			new Map([
				['79', null],
				['26956', '79'],
				['26956-01', '26956']
			])
		);
		expect(paths.get('26956-01')).toEqual(['79', '26956', '26956-01']);
	});

	it('finds loops and chains that reach a missing unit', () => {
		const { paths, cycles, orphans } = computePaths(
			new Map([
				['a', 'b'],
				['b', 'a'],
				['c', 'a'],
				['d', 'missing'],
				['e', 'd']
			])
		);
		expect([...cycles].sort()).toEqual(['a', 'b']);
		expect([...orphans].sort()).toEqual(['c', 'd', 'e']);
		expect(paths.size).toBe(0);
	});

	it('tells whether a move would put a unit under itself', () => {
		const parents = new Map([
			['79', null],
			['765', '79'],
			['26956', '765']
		]);
		expect(wouldCycle(parents, '765', '26956')).toBe(true);
		expect(wouldCycle(parents, '765', '765')).toBe(true);
		expect(wouldCycle(parents, '26956', '79')).toBe(false);
	});
});
