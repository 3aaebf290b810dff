// A household from its printed sheet to synced declarations, in a real Chromium page: open
// the claim link, get the check wrong once and then right, lose the network, declare for two
// members, reload with no network, open the link again offline, come back online, and find
// both declarations in CouchDB stamped as QR self-declarations by the household's phone.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	saveDeclaration,
	SYNC_TIMEOUT_MS,
	TEST_PIN,
	unlockData,
	waitForWaiting
} from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';
import { declarationsOf, familyOfTwoOrMore, householdToken, type StoredDoc } from '../support/ward';

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	stack = await startStack({ households: 20 });
	browser = await launchBrowser({ width: 360, height: 740 });
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
	await browser?.close();
	await stack?.stop();
});

describe('a household claims its record with the QR code and declares offline', () => {
	let household: StoredDoc;
	let members: StoredDoc[];
	let headYear: string;
	let token: string;
	let before: number;

	beforeAll(async () => {
		({ household, members, headYear } = await familyOfTwoOrMore(stack));
		token = await householdToken(stack, household._id, { issue: true });
		before = (await declarationsOf(stack, household._id)).length;
	});

	it('opens the link, refuses a wrong answer, and claims with the right one', async () => {
		await page.goto(`${stack.appUrl}/q/${token}`);
		await page.getByRole('heading', { name: 'Mở hồ sơ sức khỏe của hộ' }).waitFor();
		expect(
			await page.getByRole('link', { name: /Gọi đường dây nóng/ }).getAttribute('href')
		).toMatch(/^tel:\d+$/);
		const answer = page.getByLabel('Năm sinh của chủ hộ, hoặc mã in dưới mã QR');
		await answer.fill(String(Number(headYear) - 1));
		await page.getByLabel('Mã PIN của máy này').fill(TEST_PIN);
		await page.getByRole('button', { name: 'Mở hồ sơ' }).click();
		await page.getByText('Câu trả lời chưa đúng', { exact: false }).waitFor();
		await page.getByText('Còn 4 lần thử.').waitFor();

		await answer.fill(headYear);
		await page.getByLabel('Mã PIN của máy này').fill(TEST_PIN);
		await page.getByRole('button', { name: 'Mở hồ sơ' }).click();
		const uuid = household._id.split(':')[1];
		await page.waitForURL(`${stack.appUrl}/ho/${uuid}`);
		const address = `${household.address?.house_number} ${household.address?.street}`;
		await page.getByRole('heading', { level: 1, name: new RegExp(address) }).waitFor();
		for (const member of members) {
			await page.getByRole('link', { name: member.full_name, exact: true }).waitFor();
		}
		await page.getByRole('heading', { name: 'Nhắc cập nhật' }).waitFor();
		await waitForWaiting(page, 0);
		await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, {
			timeout: SYNC_TIMEOUT_MS
		});
	});

	it('shows the household and nothing else: the list of households sends it home', async () => {
		await page.goto(`${stack.appUrl}/`);
		await page.waitForURL(/\/ho\//);
		await unlockData(page, TEST_PIN);
		expect(await page.locator('a.household').count()).toBe(0);
	});

	it('declares for two members with no network, and keeps both through a reload', async () => {
		await browser.context.setOffline(true);
		const householdUrl = page.url();
		for (const [index, member] of members.slice(0, 2).entries()) {
			await page.getByRole('link', { name: `Khai báo sức khỏe — ${member.full_name}` }).click();
			await page.waitForURL(/khai-bao/);
			await page.getByLabel('Chiều cao (cm)').fill(String(150 + index));
			await page.getByLabel('Cân nặng (kg)').fill(String(50 + index));
			await saveDeclaration(page);
			await page.waitForURL(householdUrl);
			await waitForWaiting(page, index + 1);
		}
		await page.reload();
		await unlockData(page, TEST_PIN);
		await page.getByRole('heading', { level: 1 }).waitFor();
		await waitForWaiting(page, 2);

		// The link again, still offline: straight back to the household, nothing lost.
		await page.goto(`${stack.appUrl}/q/${token}`);
		await page.waitForURL(householdUrl);
		await unlockData(page, TEST_PIN);
		await waitForWaiting(page, 2);
		expect(await declarationsOf(stack, household._id)).toHaveLength(before);
	});

	it('sends both when the network returns, stamped as self-declared by QR', async () => {
		await browser.context.setOffline(false);
		await waitForWaiting(page, 0);
		const sent = (await declarationsOf(stack, household._id)).filter(
			(doc) => doc.health.height_cm === 150 || doc.health.height_cm === 151
		);
		expect(sent).toHaveLength(2);
		expect(new Set(sent.map((doc) => doc.person))).toEqual(
			new Set(members.slice(0, 2).map((member) => member._id))
		);
		for (const doc of sent) {
			expect(doc).toMatchObject({ role: 'resident', channel: 'qr', ward: '26956' });
			expect(doc.declared_by).toMatch(/^r-/);
			expect(doc.stamp?.by).toBe(doc.declared_by);
		}
	});
});
