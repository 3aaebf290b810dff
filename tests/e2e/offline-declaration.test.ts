// The walking skeleton end to end in a real Chromium page: a collaborator signs in, loses
// the network, declares for a household member, reloads with no network (the app and the
// declaration are still there), comes back online and sees the declaration reach CouchDB.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Declaration } from '../../src/lib/domain';
import {
	saveDeclaration,
	signInAndSettle,
	unlockData,
	waitForWaiting,
	waitingCount
} from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

const WARD_DATABASE = 'ward_26956';

let stack: Stack;
let browser: Browser;
let page: Page;

async function declarationsOf(personId: string): Promise<(Declaration & { _id: string })[]> {
	const result = await stack.couch.json<{ rows: { doc?: Declaration & { _id: string } }[] }>(
		`${WARD_DATABASE}/_all_docs`,
		{ query: { include_docs: true, startkey: '"declaration:"', endkey: '"declaration:\ufff0"' } }
	);
	return result.rows
		.map((row) => row.doc)
		.filter((doc): doc is Declaration & { _id: string } => doc?.person === personId);
}

beforeAll(async () => {
	stack = await startStack({ households: 40 });
	browser = await launchBrowser({ width: 360, height: 740 });
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
	await browser?.close();
	await stack?.stop();
});

describe('a collaborator declares offline', () => {
	let personId = '';
	let memberUrl = '';

	it('signs in and gets the group onto the phone', async () => {
		await signInAndSettle(page, stack.appUrl);
	});

	it('refuses an implausible reading with a Vietnamese message and saves nothing', async () => {
		await page.locator('a.household').first().click();
		await page.waitForURL(/\/ho\//);
		await page
			.getByRole('link', { name: /Khai báo sức khỏe — / })
			.first()
			.click();
		await page.waitForURL(/khai-bao/);
		memberUrl = page.url().replace(/\/khai-bao.*$/, '');
		personId = `person:${new URL(memberUrl).pathname.split('/').pop()}`;

		await page.getByLabel('Số trên (tâm thu)').fill('999');
		await page.getByLabel('Số dưới (tâm trương)').fill('80');
		await saveDeclaration(page);
		await expect
			.poll(() => page.getByText('Huyết áp tâm thu phải từ 60 đến 260 mmHg').count())
			.toBeGreaterThan(0);
		expect(page.url()).toMatch(/khai-bao/);
		expect(await waitingCount(page)).toBe('0');
	});

	it('saves a declaration with no network and keeps it through a reload', async () => {
		await browser.context.setOffline(true);
		await page.getByLabel('Cân nặng (kg)').fill('61,5');
		await page.getByLabel('Số trên (tâm thu)').fill('118');
		await page.getByLabel('Số dưới (tâm trương)').fill('76');
		await saveDeclaration(page);
		await page.waitForURL(/\/ho\//);
		await waitForWaiting(page, 1);

		await page.reload();
		await unlockData(page);
		await page.getByRole('heading', { level: 1 }).waitFor();
		await waitForWaiting(page, 1);
		await page.goto(memberUrl);
		await unlockData(page);
		await page.getByRole('heading', { name: 'Lịch sử khai báo' }).waitFor();
		await expect.poll(() => page.getByText('118/76').count()).toBeGreaterThan(0);
		expect(await declarationsOf(personId)).toEqual(
			expect.not.arrayContaining([
				expect.objectContaining({ health: expect.objectContaining({ systolic: 118 }) })
			])
		);
	});

	it('sends it when the network returns, and CouchDB holds it once, stamped', async () => {
		await browser.context.setOffline(false);
		await waitForWaiting(page, 0);
		const stored = (await declarationsOf(personId)).filter(
			(doc) => doc.health.systolic === 118 && doc.health.diastolic === 76
		);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({
			type: 'declaration',
			role: 'collaborator',
			channel: 'door_to_door',
			declared_by: 'ctv-demo',
			health: { weight_kg: 61.5 },
			stamp: { by: 'ctv-demo' }
		});
	});
});
