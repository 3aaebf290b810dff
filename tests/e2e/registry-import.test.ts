// Ward staff import a small registry extract in a real Chromium page, at a phone's width: a
// file with a mistake is shown line by line and writes nothing; a good one is summarised
// (with its near match), written on confirmation, and its near match is on the review list,
// where merging keeps one record. Back in the field with no network, adding that person
// again to another household is met with a warning and a link to the existing record.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAndSettle, unlockData } from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { updateSeq } from '../support/org';
import { extractCsv } from '../support/registry';
import { startStack, type Stack } from '../support/stack';
import { WARD_DATABASE, wardDocs } from '../support/ward';

const GOOD = extractCsv([
	{
		code: 'HK-E2E',
		group: '1',
		address: '15 Đường Số 3',
		members: [
			{
				citizen_id: '079080001234',
				full_name: 'Đỗ Văn Khoa',
				birth_date: '12/03/1980',
				sex: 'Nam',
				relation: 'Chủ hộ'
			},
			{ full_name: 'Đỗ Minh Thư', birth_date: '05/09/2012', sex: 'Nữ', relation: 'Con' },
			{ full_name: 'Đỗ Minh Thu', birth_date: '09/05/2012', sex: 'Nữ', relation: 'Con' }
		]
	}
]);
const BAD = GOOD.replace('12/03/1980', '31/02/1980');

let stack: Stack;
let browser: Browser;
let page: Page;

async function pick(name: string, text: string): Promise<void> {
	await page.getByLabel('Tệp sổ hộ khẩu').setInputFiles({
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

describe('ward staff import the registry', () => {
	it('open the import screen from their households', async () => {
		await signInAndSettle(page, stack.appUrl, 'ward-demo');
		await page.getByRole('link', { name: 'Nhập sổ hộ khẩu' }).click();
		await page.waitForURL(/quan-ly\/dan-cu/);
		await page.getByRole('heading', { name: 'Nhập sổ hộ khẩu' }).waitFor();
	});

	it('see a bad file line by line, and nothing is written', async () => {
		const seq = await updateSeq(stack.couch, WARD_DATABASE);
		await pick('sai.csv', BAD);
		await page.getByText('Tệp có 1 lỗi nên chưa ghi gì').waitFor();
		expect(await page.getByTestId('registry-problems').locator('tbody tr').allInnerTexts()).toEqual(
			[expect.stringMatching(/^2\s+Ngày sinh "31\/02\/1980" không có trong lịch$/)]
		);
		expect(await page.getByRole('button', { name: 'Xác nhận nhập' }).count()).toBe(0);
		expect(await updateSeq(stack.couch, WARD_DATABASE)).toBe(seq);
	});

	it('see what a good file would do, then import it', async () => {
		await pick('dung.csv', GOOD);
		await page.getByText('Tệp hợp lệ: 3 dòng, 1 hộ, 3 người').waitFor();
		await page.getByText('Tạo mới: 1 hộ, 3 người').waitFor();
		await page.getByText('Đưa vào danh sách cần xem lại: 1').waitFor();
		const review = page.getByTestId('registry-reviews').locator('tbody tr');
		expect(await review.allInnerTexts()).toEqual([
			expect.stringMatching(
				/^3\s+Đỗ Minh Thư · Đỗ Minh Thu\s+khác dấu, ngày và tháng sinh đảo chỗ$/
			)
		]);
		expect((await wardDocs(stack)).some((doc) => doc.full_name === 'Đỗ Văn Khoa')).toBe(false);

		await page.getByRole('button', { name: 'Xác nhận nhập' }).click();
		await page.getByText(/Đã nhập xong: ghi 5 hồ sơ/).waitFor({ timeout: 60_000 });
		const names = (await wardDocs(stack)).map((doc) => doc.full_name);
		expect(names).toEqual(expect.arrayContaining(['Đỗ Văn Khoa', 'Đỗ Minh Thư', 'Đỗ Minh Thu']));
	});

	it('find the near match on the review list and merge it', async () => {
		await page.getByRole('link', { name: 'Hồ sơ có thể trùng' }).click();
		await page.waitForURL(/quan-ly\/trung-lap/);
		const entry = page.getByTestId('review-entry');
		await entry.first().waitFor();
		expect(await entry.count()).toBe(1);
		await entry
			.getByRole('heading', { name: 'Giống nhau: khác dấu, ngày và tháng sinh đảo chỗ' })
			.waitFor();
		await entry.getByText('Đỗ Minh Thư').waitFor();
		await entry.getByText('05/09/2012').waitFor();
		page.once('dialog', (dialog) => void dialog.accept());
		await entry
			.getByRole('button', { name: 'Gộp hai hồ sơ, giữ hồ sơ 1 của Đỗ Minh Thư' })
			.or(entry.getByRole('button', { name: 'Gộp hai hồ sơ, giữ hồ sơ 2 của Đỗ Minh Thư' }))
			.click();
		await page.getByText('Đã gộp: giữ hồ sơ của Đỗ Minh Thư, chuyển 0 lần khai báo.').waitFor();
		await page.getByText('Không còn hồ sơ nào cần xem lại.').waitFor();
		const names = (await wardDocs(stack)).map((doc) => doc.full_name);
		expect(names).toContain('Đỗ Minh Thư');
		expect(names).not.toContain('Đỗ Minh Thu');
	});

	it('are told, offline, that a member they add is already on record', async () => {
		await page.goto(`${stack.appUrl}/`);
		await unlockData(page);
		await page.getByLabel('Tìm hộ').fill('15 Duong So 3');
		await page.locator('a.household').first().waitFor({ timeout: 60_000 });
		const other = (await wardDocs(stack)).find(
			(doc) => doc.type === 'household' && doc.address?.street !== 'Đường Số 3'
		);
		if (!other) throw new Error('the demo should have another household');
		await page.goto(`${stack.appUrl}/ho/${other._id.split(':')[1]}/thanh-vien/moi`);
		await unlockData(page);
		await page.getByLabel('Họ và tên').waitFor();
		await browser.context.setOffline(true);
		await page.getByLabel('Họ và tên').fill('Do Van Khoa');
		await page.getByLabel('Ngày sinh', { exact: false }).first().fill('12/3/1980');
		const notice = page.getByTestId('duplicate-notice');
		await notice.getByText('Người này có thể đã có trong hồ sơ').waitFor();
		await notice.getByText('cùng họ tên và ngày sinh').waitFor();
		await notice.getByRole('link', { name: 'Mở hồ sơ của Đỗ Văn Khoa' }).click();
		await page.getByRole('heading', { name: 'Đỗ Văn Khoa' }).waitFor();
		await browser.context.setOffline(false);
	});
});
