// Ward staff print a group's instruction sheets in a real Chromium page: one sheet per
// household, each QR code (as the browser drew it) reads back as exactly that household's
// claim link, and the print layout gives one A4 page per sheet, or one per two A5 sheets,
// without the app's header. Offline, the page says it needs the network; a collaborator is
// told the page is not theirs.

import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Household, QrSheetsAnswer } from '../../src/lib/domain';
import { signInAndSettle, unlockData } from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

const WARD_DATABASE = 'ward_26956';
const GROUP = '26956-01';
const GROUP_NAME = 'Tổ dân phố 1';
/** The smallest printed QR that a phone camera reads from an arm's length. */
const MIN_PRINTED_QR_MM = 45;
const CSS_PX_PER_MM = 96 / 25.4;

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	stack = await startStack({ households: 40 });
	// A ward office's desktop screen.
	browser = await launchBrowser({ width: 1024, height: 800 });
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
	await browser?.close();
	await stack?.stop();
});

async function householdIdsOfGroup(group: string): Promise<string[]> {
	const result = await stack.couch.json<{ rows: { doc?: Household & { _id: string } }[] }>(
		`${WARD_DATABASE}/_all_docs`,
		{ query: { include_docs: true, startkey: '"household:"', endkey: '"household:\ufff0"' } }
	);
	return result.rows.flatMap((row) => (row.doc?.group === group ? [row.doc._id] : []));
}

/** What the camera of a phone would read: the element as the browser painted it. */
async function decodeQr(qr: Locator): Promise<string | null> {
	const png = PNG.sync.read(await qr.screenshot());
	const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
	return jsQR(pixels, png.width, png.height)?.data ?? null;
}

/** Page objects of a PDF (`/Type /Page`), not the page tree (`/Type /Pages`). */
function pdfPageCount(pdf: Buffer): number {
	return pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

function sheets(): Locator {
	return page.getByTestId('instruction-sheet');
}

async function waitUntilReady(): Promise<void> {
	await page.locator('[data-testid=sheets-progress][data-phase=ready]').waitFor();
}

describe('ward staff print the sheets of a group', () => {
	let server: QrSheetsAnswer;
	let expectedHouseholds: string[] = [];

	it('signs in and opens the sheets page from the household list', async () => {
		await signInAndSettle(page, stack.appUrl, 'ward-demo');
		await page.getByRole('link', { name: 'In phiếu QR cho các hộ' }).click();
		await page.waitForURL(`${stack.appUrl}/in-phieu`);
		await page.getByRole('heading', { level: 1, name: 'In phiếu hướng dẫn' }).waitFor();
		expect(await page.getByText('Trang này cần có mạng').isVisible()).toBe(true);
	});

	it('fetches the group, shows the progress, and makes one sheet per household', async () => {
		await page.getByLabel('Tổ dân phố').selectOption({ label: GROUP_NAME });
		await page.getByRole('button', { name: 'Xem phiếu' }).click();
		await page.waitForURL(`${stack.appUrl}/in-phieu?to=${GROUP}`);
		await waitUntilReady();

		expectedHouseholds = await householdIdsOfGroup(GROUP);
		expect(expectedHouseholds.length).toBeGreaterThan(1);
		expect(await sheets().count()).toBe(expectedHouseholds.length);
		const shown = await sheets().evaluateAll((elements) =>
			elements.map((element) => element.getAttribute('data-household'))
		);
		expect(shown.sort()).toEqual([...expectedHouseholds].sort());

		const status = page.getByRole('status').filter({ hasText: 'Đã sẵn sàng' });
		expect(await status.textContent()).toContain(
			`Đã sẵn sàng ${expectedHouseholds.length} phiếu của ${GROUP_NAME}`
		);
		const progress = page.locator('[data-testid=sheets-progress] progress');
		expect(await progress.getAttribute('value')).toBe(String(expectedHouseholds.length));
		expect(await progress.getAttribute('max')).toBe(String(expectedHouseholds.length));

		const [measure] = await page.evaluate(() =>
			performance.getEntriesByName('hssk:sheets-render').map((entry) => entry.duration)
		);
		console.info(
			`sheets: ${expectedHouseholds.length} QR codes drawn in ${Math.round(measure ?? NaN)} ms`
		);
	});

	it('draws QR codes that read back as exactly each household’s link', async () => {
		// The same session asks the server again: the links it gives are the ones issued.
		const response = await page.request.get(`${stack.appUrl}/api/qr/sheets?group=${GROUP}`);
		expect(response.status()).toBe(200);
		server = (await response.json()) as QrSheetsAnswer;
		expect(server.sheets).toHaveLength(expectedHouseholds.length);

		const checked = Math.min(3, server.sheets.length);
		for (let index = 0; index < checked; index++) {
			const sheet = sheets().nth(index);
			const household = await sheet.getAttribute('data-household');
			const expected = server.sheets.find((candidate) => candidate.household === household);
			if (!expected) throw new Error(`no server sheet for ${household}`);
			expect(await decodeQr(sheet.getByTestId('sheet-qr'))).toBe(expected.link);
			const code = await sheet.getByTestId('sheet-check-code').textContent();
			expect(code?.replace(/\s/g, '')).toBe(expected.check_code);
			const address = await sheet.getByTestId('sheet-address').textContent();
			expect(address?.trim()).toBe(`${expected.house_number} ${expected.street}`);
			expect(await sheet.textContent()).toContain(`Chủ hộ: ${expected.head_name}`);
		}
	});

	it('prints one A4 page per sheet, without the app header, with a QR of at least 45 mm', async () => {
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('header.app-header').isHidden()).toBe(true);
		expect(await page.getByRole('button', { name: 'In', exact: true }).isHidden()).toBe(true);
		const qr = sheets().first().getByTestId('sheet-qr');
		const box = await qr.boundingBox();
		expect((box?.width ?? 0) / CSS_PX_PER_MM).toBeGreaterThanOrEqual(MIN_PRINTED_QR_MM);
		console.info(`sheets: A4 QR ${((box?.width ?? 0) / CSS_PX_PER_MM).toFixed(1)} mm`);
		expect(await decodeQr(qr)).toBe(await sheets().first().getAttribute('data-link'));

		const pdf = await page.pdf({ format: 'A4' });
		expect(pdfPageCount(pdf)).toBe(expectedHouseholds.length);
		await page.emulateMedia({ media: 'screen' });
		expect(await page.locator('header.app-header').isVisible()).toBe(true);
	});

	it('prints two A5 sheets on each A4 page', async () => {
		await page.getByRole('radio', { name: /^A5/ }).check();
		await page.emulateMedia({ media: 'print' });
		const qr = sheets().first().getByTestId('sheet-qr');
		const box = await qr.boundingBox();
		expect((box?.width ?? 0) / CSS_PX_PER_MM).toBeGreaterThanOrEqual(MIN_PRINTED_QR_MM);
		console.info(`sheets: A5 QR ${((box?.width ?? 0) / CSS_PX_PER_MM).toFixed(1)} mm`);
		expect(await decodeQr(qr)).toBe(await sheets().first().getAttribute('data-link'));

		const pdf = await page.pdf({ format: 'A4' });
		expect(pdfPageCount(pdf)).toBe(Math.ceil(expectedHouseholds.length / 2));
		await page.emulateMedia({ media: 'screen' });
	});

	it('says the page needs the network when there is none, and recovers when it returns', async () => {
		await browser.context.setOffline(true);
		await page.reload();
		const alert = page.getByRole('alert').filter({ hasText: 'Không có mạng' });
		await alert.waitFor();
		expect(await alert.textContent()).toContain('cần mạng');
		expect(await sheets().count()).toBe(0);

		await browser.context.setOffline(false);
		await page.getByRole('button', { name: 'Thử lại' }).click();
		await waitUntilReady();
		expect(await sheets().count()).toBe(expectedHouseholds.length);
		// Fetching again issued nothing new: the sheets printed earlier still work.
		const links = await sheets().evaluateAll((elements) =>
			elements.map((element) => element.getAttribute('data-link'))
		);
		expect(links.sort()).toEqual(server.sheets.map((sheet) => sheet.link).sort());
	});

	it('reflows at 200% text on a narrow window, with no sideways scrolling', async () => {
		await page.setViewportSize({ width: 640, height: 800 });
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		const widths = await page.evaluate(() => ({
			page: document.documentElement.scrollWidth,
			window: window.innerWidth
		}));
		expect(widths.page).toBeLessThanOrEqual(widths.window);
		expect(await page.getByRole('button', { name: 'In', exact: true }).isVisible()).toBe(true);
		await page.evaluate(() => (document.documentElement.style.fontSize = ''));
		await page.setViewportSize({ width: 1024, height: 800 });
	});

	it('tells a collaborator that only the ward health station prints sheets', async () => {
		await page.goto(`${stack.appUrl}/`);
		await unlockData(page);
		await page.getByRole('button', { name: 'Đăng xuất' }).click();
		await page.waitForURL(/dang-nhap/);
		await signInAndSettle(page, stack.appUrl, 'ctv-demo');
		expect(await page.getByRole('link', { name: 'In phiếu QR cho các hộ' }).count()).toBe(0);
		await page.goto(`${stack.appUrl}/in-phieu?to=${GROUP}`);
		await page.getByRole('alert').filter({ hasText: 'Chỉ trạm y tế phường' }).waitFor();
		expect(await sheets().count()).toBe(0);
	});
});
