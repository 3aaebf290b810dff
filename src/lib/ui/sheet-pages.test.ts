import { describe, expect, it } from 'vitest';
import { isPaperLayout, printedPageCount, printPages } from './sheet-pages';

const sheets = (count: number) => Array.from({ length: count }, (_, index) => `sheet ${index + 1}`);

describe('sheets on printed pages', () => {
	it('puts one sheet on each A4 page, in order', () => {
		expect(printPages(sheets(3), 'a4')).toEqual([['sheet 1'], ['sheet 2'], ['sheet 3']]);
	});

	it('puts two A5 sheets on each A4 page, the last alone when the count is odd', () => {
		expect(printPages(sheets(5), 'a5')).toEqual([
			['sheet 1', 'sheet 2'],
			['sheet 3', 'sheet 4'],
			['sheet 5']
		]);
		expect(printPages(sheets(4), 'a5')).toHaveLength(2);
	});

	it('prints nothing for a group without households', () => {
		expect(printPages([], 'a4')).toEqual([]);
		expect(printPages([], 'a5')).toEqual([]);
		expect(printedPageCount(0, 'a5')).toBe(0);
	});

	it('counts the pages the way it lays them out', () => {
		for (let count = 0; count <= 9; count++) {
			expect(printedPageCount(count, 'a4')).toBe(printPages(sheets(count), 'a4').length);
			expect(printedPageCount(count, 'a5')).toBe(printPages(sheets(count), 'a5').length);
		}
		expect(printedPageCount(301, 'a5')).toBe(151);
	});

	it('knows only A4 and A5', () => {
		expect(isPaperLayout('a4')).toBe(true);
		expect(isPaperLayout('a5')).toBe(true);
		expect(isPaperLayout('a3')).toBe(false);
		expect(isPaperLayout(undefined)).toBe(false);
	});
});
