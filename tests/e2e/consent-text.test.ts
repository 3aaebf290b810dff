// The ward's own consent text, in a real Chromium page. Ward staff open it from their home
// screen, are told bad text is too short (nothing saved), and save their own as version 1.
// A collaborator's phone signs in, takes the text with its sync, goes offline and reloads:
// the first declaration at the door shows the ward's text, not the standard one, and reaches
// CouchDB naming version 1.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDeclaration, signInAndSettle, unlockData, waitForWaiting } from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { freshHousehold, uuidOf } from '../support/fresh-household';
import { storedConsentTexts } from '../support/org';
import { startStack, type Stack } from '../support/stack';
import { declarationsOf } from '../support/ward';

const CARD = 'Đồng ý cho thu thập thông tin sức khỏe';
const WARD_TEXT =
	'Trạm Y tế phường An Phú Đông lưu chiều cao, cân nặng, huyết áp và bệnh mạn tính của từng thành viên trong hộ để theo dõi sức khỏe. Tổ trưởng tổ dân phố và trạm y tế được xem; hộ có quyền xem, tải về và yêu cầu xóa.';
const WARD_TEXT_EN =
	"The An Phu Dong ward health station keeps each member's height, weight, blood pressure and chronic conditions to follow their health. The group leader and the station see it; the household may view, download and ask to erase it.";

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	stack = await startStack({ households: 10 });
	browser = await launchBrowser({ width: 360, height: 740 });
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
	await browser?.close();
	await stack?.stop();
});

describe('ward staff write their own consent text', () => {
	it('open it from their home screen, showing the standard text in use', async () => {
		await signInAndSettle(page, stack.appUrl, 'ward-demo');
		await page.getByRole('link', { name: 'Nội dung đồng ý của phường' }).click();
		await page.getByRole('heading', { name: 'Nội dung đồng ý của phường' }).waitFor();
		await page.getByText('Đang dùng: nội dung chuẩn (phiên bản 0)').waitFor();
		expect(await page.getByLabel('Nội dung tiếng Việt').inputValue()).toContain(
			'Hộ gia đình có quyền xem, tải về và yêu cầu xóa'
		);
	});

	it('are told a text too short says too little, and nothing is saved', async () => {
		await page.getByLabel('Nội dung tiếng Việt').fill('Đồng ý.');
		await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
		await page.getByRole('alert').filter({ hasText: 'Nội dung đồng ý quá ngắn' }).waitFor();
		expect(await page.getByRole('heading', { name: 'Các phiên bản (1)' }).count()).toBe(1);
		expect(await storedConsentTexts(stack.couch)).toEqual([]);
	});

	it('save their own as version 1, and the earlier one stays listed', async () => {
		await page.getByLabel('Nội dung tiếng Việt').fill(WARD_TEXT);
		await page.getByLabel('Nội dung tiếng Anh').fill(WARD_TEXT_EN);
		await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
		await page.getByRole('status').filter({ hasText: 'Đã lưu phiên bản 1.' }).waitFor();
		await page.getByRole('heading', { name: 'Các phiên bản (2)' }).waitFor();
		await page.getByText('Phiên bản 0: nội dung chuẩn').waitFor();
		await page.getByText(/^Đang dùng: phiên bản 1/).waitFor();
		expect(await storedConsentTexts(stack.couch)).toEqual(['consent_text:26956:000001']);
	});
});

describe("a collaborator's phone reads the ward's text, offline too", () => {
	it('shows it at the door after a reload with no network, and the declaration names it', async () => {
		await browser.close();
		browser = await launchBrowser({ width: 360, height: 740 });
		page = browser.context.pages()[0] ?? (await browser.context.newPage());
		const { household, head } = await freshHousehold(stack, 'Đặng Văn Lộc', '1958-03-14', 'male');
		await signInAndSettle(page, stack.appUrl);

		// A full load with no network: what the page shows now is what the phone kept.
		await browser.context.setOffline(true);
		await page.goto(`${stack.appUrl}/thanh-vien/${uuidOf(head.id)}/khai-bao`);
		await unlockData(page);
		const card = page.getByRole('region', { name: CARD });
		await card.waitFor();
		await card.getByText('Nội dung của phường, phiên bản 1').waitFor();
		await card.getByText(/Trạm Y tế phường An Phú Đông lưu chiều cao/).waitFor();
		await page.getByLabel('Cân nặng (kg)').fill('63');
		await saveDeclaration(page);
		await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
		await waitForWaiting(page, 1);

		await browser.context.setOffline(false);
		await waitForWaiting(page, 0);
		const [stored] = await declarationsOf(stack, household.id);
		expect(stored.consent).toMatchObject({ text_version: 1, given_by: head.id, mode: 'oral' });
	});
});
