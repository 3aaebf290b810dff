// The administrator imports org units on the admin screen in a real Chromium page: a file
// with mistakes is shown line by line and writes nothing; a good file is summarised, then
// imported on confirmation, and CouchDB holds the new units and the new ward's database.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../support/browser';
import { storedUnits, updateSeq } from '../support/org';
import { startStack, type Stack } from '../support/stack';

const HEADER = 'code,level,name,parent,cadence_months,hotline\n';
const BAD =
	HEADER +
	'26953,ward,Phường 25,765,,\n' +
	'26953-01,group,Tổ dân phố 1,26953,4,\n' +
	'26960,ward,Phường 30,766,,\n';
const GOOD =
	HEADER +
	'26953,ward,Phường 25,765,,\n' +
	'26953-01,group,Tổ dân phố 1,26953,3,\n' +
	'26953-02,group,Tổ dân phố 2,26953,,\n' +
	'26956,ward,Phường 27 (mới),765,,\n';

let stack: Stack;
let browser: Browser;
let page: Page;

async function pick(name: string, text: string): Promise<void> {
	await page.getByLabel('Tệp CSV').setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(text, 'utf8')
	});
	await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
}

beforeAll(async () => {
	stack = await startStack({ households: 6 });
	browser = await launchBrowser();
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
	await browser?.close();
	await stack?.stop();
});

describe('the administrator imports org units', () => {
	it('signs in and opens the org screen from the supervision page', async () => {
		await page.goto(`${stack.appUrl}/`);
		await page.waitForURL(/dang-nhap/);
		await page.getByLabel('Tên đăng nhập').fill('admin-demo');
		await page.getByLabel('Mật khẩu', { exact: true }).fill('demo-password');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await page.waitForURL(/giam-sat/);
		await page.getByRole('link', { name: 'Nhập danh mục đơn vị' }).click();
		await page.waitForURL(/quan-tri\/don-vi/);
		await page.getByRole('heading', { name: 'Danh mục đơn vị' }).waitFor();
	});

	it('shows a bad file line by line and writes nothing', async () => {
		const orgSeq = await updateSeq(stack.couch, 'hssk_org');
		await pick('sai.csv', BAD);
		await page.getByText('Tệp có 2 lỗi nên chưa ghi gì').waitFor();
		const rows = page.locator('table.report tbody tr');
		expect(await rows.allInnerTexts()).toEqual([
			expect.stringMatching(
				/^3\s+Chu kỳ nhắc \(cadence_months\) là 3 hoặc 6 tháng, không phải "4"$/
			),
			expect.stringMatching(/^4\s+Đơn vị cấp trên "766" không có trong tệp/)
		]);
		expect(await page.getByRole('button', { name: 'Xác nhận nhập' }).count()).toBe(0);
		expect(await updateSeq(stack.couch, 'hssk_org')).toBe(orgSeq);
	});

	it('summarises a good file, then imports it on confirmation', async () => {
		await pick('dung.csv', GOOD);
		await page.getByText('Tệp hợp lệ: 4 dòng').waitFor();
		await page.getByText('Tạo mới: 3').waitFor();
		await page.getByText('Cập nhật: 1').waitFor();
		await page.getByText('Tạo cơ sở dữ liệu cho phường: 26953').waitFor();
		expect(await stack.couch.databaseExists('ward_26953')).toBe(false);

		await page.getByRole('button', { name: 'Xác nhận nhập' }).click();
		await page.getByText(/Đã nhập xong: ghi 4 đơn vị/).waitFor({ timeout: 60_000 });
		const units = await storedUnits(stack.couch);
		expect(units.get('26953-01')).toMatchObject({
			cadence_months: 3,
			path: ['79', '765', '26953', '26953-01']
		});
		expect(units.get('26956')?.name).toBe('Phường 27 (mới)');
		expect(await stack.couch.databaseExists('ward_26953')).toBe(true);
	});

	it('says there is nothing to do when the same file comes again', async () => {
		await pick('dung.csv', GOOD);
		await page.getByText('Danh mục đã đúng như tệp: không có gì để ghi.').waitFor();
		expect(await page.getByRole('button', { name: 'Xác nhận nhập' }).count()).toBe(0);
	});
});
