// How a group's sheets fall onto printed pages: one per A4 page, or two A5 halves on each
// A4 page (cut across the middle), so the page count is known before anything is printed.

export const PAPER_LAYOUTS = ['a4', 'a5'] as const;
export type PaperLayout = (typeof PAPER_LAYOUTS)[number];

export const SHEETS_PER_PAGE: Record<PaperLayout, number> = { a4: 1, a5: 2 };

export function isPaperLayout(value: unknown): value is PaperLayout {
	return PAPER_LAYOUTS.some((layout) => layout === value);
}

/** The sheets of each printed page, in order; the last A5 page may hold one. */
export function printPages<T>(sheets: readonly T[], layout: PaperLayout): T[][] {
	const perPage = SHEETS_PER_PAGE[layout];
	const pages: T[][] = [];
	for (let start = 0; start < sheets.length; start += perPage) {
		pages.push(sheets.slice(start, start + perPage));
	}
	return pages;
}

export function printedPageCount(sheetCount: number, layout: PaperLayout): number {
	return Math.ceil(sheetCount / SHEETS_PER_PAGE[layout]);
}
