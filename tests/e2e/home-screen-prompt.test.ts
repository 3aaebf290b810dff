// An iPhone's Safari outside the home screen is asked, once, to add the app there; the page
// is a real Chromium page that presents itself with an iPhone's user agent (what the app
// decides from), and a desktop Chromium is never asked.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAndSettle, unlockData } from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

const IPHONE_SAFARI =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

let stack: Stack;
let iPhone: Browser;
let desktop: Browser;
let page: Page;

beforeAll(async () => {
	stack = await startStack({ households: 20 });
	iPhone = await launchBrowser({ width: 390, height: 844, userAgent: IPHONE_SAFARI });
	desktop = await launchBrowser({ width: 1024, height: 800 });
	page = iPhone.context.pages()[0] ?? (await iPhone.context.newPage());
});

afterAll(async () => {
	await iPhone?.close();
	await desktop?.close();
	await stack?.stop();
});

describe('adding the app to the home screen', () => {
	const prompt = () => page.getByRole('region', { name: 'Thêm ứng dụng vào màn hình chính' });

	it('explains why and how on an iPhone, once someone has data on it', async () => {
		await page.goto(`${stack.appUrl}/dang-nhap`);
		await page.getByLabel('Tên đăng nhập').waitFor();
		expect(await prompt().count()).toBe(0);
		await signInAndSettle(page, stack.appUrl);
		await prompt().waitFor();
		const text = await prompt().textContent();
		expect(text).toContain('Safari tự xóa dữ liệu của trang web sau 7 ngày không mở');
		expect(text).toContain('Thêm vào MH chính');
	});

	it('goes away when dismissed, and stays away after a reload', async () => {
		await prompt().getByRole('button', { name: 'Đã hiểu, ẩn đi' }).click();
		expect(await prompt().count()).toBe(0);
		await page.reload();
		await unlockData(page);
		await page.locator('a.household').first().waitFor();
		expect(await prompt().count()).toBe(0);
		expect(await page.evaluate(() => localStorage.getItem('hssk_home_screen_dismissed'))).toMatch(
			/^\d{4}-\d{2}-\d{2}T/
		);
	});

	it('is never shown to a desktop browser', async () => {
		const office = desktop.context.pages()[0] ?? (await desktop.context.newPage());
		await signInAndSettle(office, stack.appUrl);
		expect(await office.getByTestId('home-screen-prompt').count()).toBe(0);
	});
});
