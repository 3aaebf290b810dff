// A phone whose clock ran days ahead and was then set right. It synced and declared while
// ahead, so everything it holds is stamped by its clock in days to come; after the clock is
// set right it declares offline and is reloaded before it is back online (the push then
// starts again from where it had got to, in the device's write order). The declaration must
// still go out, once. In a real Chromium page, with the page's clock moved by Playwright.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	saveDeclaration,
	signInAndSettle,
	SYNC_TIMEOUT_MS,
	unlockData,
	waitForWaiting
} from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';
import type { Declaration } from '../../src/lib/domain';
import { wardDocs } from '../support/ward';

const DAY_MS = 24 * 60 * 60 * 1000;

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	stack = await startStack({ households: 20 });
	browser = await launchBrowser({ width: 360, height: 740 });
	page = await browser.context.newPage();
});
afterAll(async () => {
	await browser?.close();
	await stack?.stop();
});

/** Declares a blood pressure for the first member of the first household; its person id. */
async function declare(systolic: string, diastolic: string): Promise<string> {
	await page.goto(`${stack.appUrl}/`);
	await unlockData(page);
	await page.locator('a.household').first().click();
	await page.waitForURL(/\/ho\//);
	await page
		.getByRole('link', { name: /Khai báo sức khỏe — / })
		.first()
		.click();
	await page.waitForURL(/khai-bao/);
	const personId = `person:${new URL(page.url().replace(/\/khai-bao.*$/, '')).pathname.split('/').pop()}`;
	await page.getByLabel('Số trên (tâm thu)').fill(systolic);
	await page.getByLabel('Số dưới (tâm trương)').fill(diastolic);
	await saveDeclaration(page);
	await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
	return personId;
}

describe('a phone clock set back after days ahead', () => {
	it(
		'pushes what it declares after the clock is set right, across a reload',
		async () => {
			await page.clock.install({ time: Date.now() + 5 * DAY_MS });
			await signInAndSettle(page, stack.appUrl);
			const personId = await declare('128', '82');
			await waitForWaiting(page, 0);

			await page.clock.setSystemTime(Date.now());
			await page.reload();
			await browser.context.setOffline(true);
			await declare('133', '86');
			await waitForWaiting(page, 1);
			await page.reload();
			await unlockData(page);
			await waitForWaiting(page, 1);

			await browser.context.setOffline(false);
			// Without the write-time floor it stays at 1 for good.
			await waitForWaiting(page, 0);
			const declarations = (await wardDocs(stack)).filter(
				(doc) => doc.type === 'declaration'
			) as unknown as Declaration[];
			const ours = declarations.filter(
				(doc) => doc.person === personId && doc.health.systolic === 133
			);
			expect(ours).toHaveLength(1);
			expect(ours[0].stamp?.by).toBe('ctv-demo');
		},
		3 * SYNC_TIMEOUT_MS
	);
});
