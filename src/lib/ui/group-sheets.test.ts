import { describe, expect, it } from 'vitest';
import type { QrSheet, QrSheetsAnswer } from '$lib/domain';
import { GroupSheets, type GroupSheetsDeps } from './group-sheets.svelte';

function answerWith(count: number): QrSheetsAnswer {
	const sheets: QrSheet[] = Array.from({ length: count }, (_, index) => ({
		household: `household:${index}`,
		house_number: String(index + 1),
		street: 'Bình Quới',
		head_name: `Chủ hộ ${index}`,
		link: `http://127.0.0.1:3000/q/${String(index).padStart(24, 'A')}`,
		check_code: 'AB2C3D'
	}));
	return {
		ward: { code: '26956', name: 'Phường 27', database: 'ward_26956', cadence_months: 6 },
		group: { code: '26956-01', name: 'Tổ dân phố 1' },
		sheets
	};
}

function deps(overrides: Partial<GroupSheetsDeps> & { body?: unknown; status?: number } = {}) {
	const { body, status = 200, ...rest } = overrides;
	return {
		fetch: async () => new Response(JSON.stringify(body ?? answerWith(0)), { status }),
		isOnline: true,
		draw: async (link: string) => `<svg>${link}</svg>`,
		pause: async () => {},
		chunkSize: 2,
		...rest
	} satisfies GroupSheetsDeps;
}

describe("a group's sheets on their way to paper", () => {
	it('fetches, then draws the sheets in chunks, and is ready with all of them in order', async () => {
		const sheets = new GroupSheets();
		const seen: Array<{ phase: string; drawn: number; total: number }> = [];
		const done = sheets.load(
			'26956-01',
			new AbortController().signal,
			deps({
				body: answerWith(5),
				pause: async () => {
					seen.push({ phase: sheets.phase, drawn: sheets.drawn.length, total: sheets.total });
				}
			})
		);
		expect(sheets.phase).toBe('fetching');
		await done;
		expect(seen).toEqual([
			{ phase: 'rendering', drawn: 2, total: 5 },
			{ phase: 'rendering', drawn: 4, total: 5 }
		]);
		expect(sheets.phase).toBe('ready');
		expect(sheets.drawn.map((item) => item.sheet.household)).toEqual(
			answerWith(5).sheets.map((sheet) => sheet.household)
		);
		expect(sheets.drawn[3].svg).toBe(`<svg>${answerWith(5).sheets[3].link}</svg>`);
	});

	it('is ready at once, with nothing to print, for a group without households', async () => {
		const sheets = new GroupSheets();
		await sheets.load('26956-01', new AbortController().signal, deps({ body: answerWith(0) }));
		expect(sheets.phase).toBe('ready');
		expect(sheets.total).toBe(0);
		expect(sheets.drawn).toEqual([]);
	});

	it('keeps why it failed and nothing of a previous group', async () => {
		const sheets = new GroupSheets();
		await sheets.load('26956-01', new AbortController().signal, deps({ body: answerWith(3) }));
		await sheets.load('26956-02', new AbortController().signal, deps({ isOnline: false }));
		expect(sheets.phase).toBe('failed');
		expect(sheets.failed).toEqual({ ok: false, failure: 'offline' });
		expect(sheets.answer).toBeNull();
		expect(sheets.drawn).toEqual([]);
	});

	it('stops drawing when the page moves on to another group', async () => {
		const sheets = new GroupSheets();
		const controller = new AbortController();
		await sheets.load(
			'26956-01',
			controller.signal,
			deps({ body: answerWith(6), pause: async () => controller.abort() })
		);
		expect(sheets.phase).toBe('rendering');
		expect(sheets.drawn).toHaveLength(2);
	});
});
