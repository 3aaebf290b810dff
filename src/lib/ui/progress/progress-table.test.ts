import { describe, expect, it } from 'vitest';
import { emptyCounts, type ProgressCounts } from '$lib/domain';
import type { UnitRow } from './progress-api';
import { COLUMNS, progressCsv, sortRows } from './progress-table';

function row(name: string, counts: Partial<ProgressCounts>): UnitRow {
	return { code: name, name, level: 'group', counts: { ...emptyCounts(), ...counts } };
}

const rows = [
	row('Tổ 10', { persons: 100, persons_declared: 50, overdue: 3 }),
	row('Tổ 2', { persons: 10, persons_declared: 9, overdue: 0 }),
	row('Tổ 1', { persons: 40, persons_declared: 10, overdue: 7 })
];

describe('the progress table', () => {
	it('sorts names as people count them, and numbers by value either way', () => {
		expect(sortRows(rows, { column: 'name', descending: false }).map((r) => r.name)).toEqual([
			'Tổ 1',
			'Tổ 2',
			'Tổ 10'
		]);
		expect(
			sortRows(rows, { column: 'declared_percent', descending: true }).map((r) => r.name)
		).toEqual(['Tổ 2', 'Tổ 10', 'Tổ 1']);
		expect(sortRows(rows, { column: 'overdue', descending: false }).map((r) => r.name)).toEqual([
			'Tổ 2',
			'Tổ 10',
			'Tổ 1'
		]);
	});

	it('exports a CSV Excel reads as UTF-8, with Vietnamese intact and formulas defused', () => {
		const headers = Object.fromEntries(
			COLUMNS.map((column) => [column, `Cột ${column}`])
		) as Record<(typeof COLUMNS)[number], string>;
		const total = row('Tổng, cả phường', { persons: 150, persons_declared: 69 });
		const csv = progressCsv(headers, [row('=HYPERLINK("x")', {}), ...rows], total);
		expect(csv.startsWith('\ufeff')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[0]).toBe(COLUMNS.map((column) => `Cột ${column}`).join(','));
		expect(lines[1].startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
		expect(lines[2]).toBe('Tổ 10,0,100,50,0,3,0,0,0,0');
		expect(lines[5]).toBe('"Tổng, cả phường",0,150,46,0,0,0,0,0,0');
		expect(lines[6]).toBe('');
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
	});
});
