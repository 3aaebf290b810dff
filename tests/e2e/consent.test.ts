// A household's consent, recorded with its first declaration, in a real Chromium page. A
// collaborator at the door with no network: the form shows the ward's text and saves nothing
// until the resident's consent is noted (who agreed, how); the second declaration after a
// reload offline carries the same consent without asking again; back online, CouchDB holds
// both with it. Then a household's own phone: its first declaration asks to tick "I have read
// this and agree" and is stored as consent given in the app.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Declaration, Household, Person } from '../../src/lib/domain';
import {
	claimOnPage,
	signInAndSettle,
	SYNC_TIMEOUT_MS,
	unlockData,
	waitForWaiting,
	waitingCount
} from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';
import { freshHousehold, uuidOf } from '../support/fresh-household';
import { declarationsOf, householdToken } from '../support/ward';

const CARD = 'Đồng ý cho thu thập thông tin sức khỏe';

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

describe('a collaborator records a household’s consent at the door, offline', () => {
	let household: Household;
	let head: Person;
	let child: Person;

	it('signs in with the household on the phone', async () => {
		({ household, head, child } = await freshHousehold(
			stack,
			'Võ Thị Thuận',
			'1966-08-09',
			'female'
		));
		await signInAndSettle(page, stack.appUrl);
		await page.goto(`${stack.appUrl}/ho/${uuidOf(household.id)}`);
		await unlockData(page);
		await page.getByRole('link', { name: `Khai báo sức khỏe — ${child.full_name}` }).waitFor();
	});

	it('shows the text and saves nothing until the consent is noted', async () => {
		await browser.context.setOffline(true);
		await page.getByRole('link', { name: `Khai báo sức khỏe — ${child.full_name}` }).click();
		await page.waitForURL(/khai-bao/);
		const card = page.getByRole('region', { name: CARD });
		await card.waitFor();
		await expect.poll(() => card.getByText('Nội dung chuẩn').count()).toBe(1);
		await expect
			.poll(() => card.getByText(/Hộ gia đình có quyền xem, tải về và yêu cầu xóa/).count())
			.toBe(1);
		await page.getByLabel('Cân nặng (kg)').fill('41');
		// Whoever is being declared for is offered as the one who agreed; here the mother did.
		await card.getByLabel('Người đồng ý').selectOption(head.id);
		await page.getByRole('button', { name: 'Lưu khai báo' }).click();
		await expect
			.poll(() => page.getByText('Chọn cách hộ gia đình đồng ý: bằng lời hoặc ký giấy').count())
			.toBeGreaterThan(0);
		await expect
			.poll(() =>
				page.getByText('Chưa có sự đồng ý của hộ gia đình: hãy đọc nội dung đồng ý').count()
			)
			.toBeGreaterThan(0);
		const agree = card.getByRole('checkbox', { name: 'Người dân đã nghe nội dung này và đồng ý' });
		expect(await agree.getAttribute('aria-invalid')).toBe('true');
		expect(page.url()).toMatch(/khai-bao/);
		expect(await waitingCount(page)).toBe('0');

		await card.getByRole('radio', { name: 'Ký vào phiếu giấy' }).check();
		await agree.check();
		await page.getByRole('button', { name: 'Lưu khai báo' }).click();
		await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
		await waitForWaiting(page, 1);
	});

	it('does not ask again after a reload offline, and says when the household agreed', async () => {
		await page.reload();
		await unlockData(page);
		await page.getByRole('link', { name: `Khai báo sức khỏe — ${head.full_name}` }).click();
		await page.waitForURL(/khai-bao/);
		await page.getByRole('button', { name: 'Lưu khai báo' }).waitFor();
		expect(await page.getByRole('region', { name: CARD }).count()).toBe(0);
		// The page's own day, in the phone's time zone, as the screen writes it.
		const today = await page.evaluate(() => {
			const now = new Date();
			const pad = (n: number) => String(n).padStart(2, '0');
			return `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;
		});
		await expect
			.poll(() => page.getByText(`Hộ đã đồng ý ngày ${today} (nội dung phiên bản 0).`).count())
			.toBe(1);
		await page.getByLabel('Cân nặng (kg)').fill('57');
		await page.getByRole('button', { name: 'Lưu khai báo' }).click();
		await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
		await waitForWaiting(page, 2);
	});

	it('sends both with the same consent once the network is back', async () => {
		await browser.context.setOffline(false);
		await waitForWaiting(page, 0);
		const stored = await declarationsOf(stack, household.id);
		expect(stored.map((declaration) => declaration.health.weight_kg).sort()).toEqual([41, 57]);
		const consents = stored.map((declaration) => declaration.consent);
		expect(consents[0]).toMatchObject({
			text_version: 0,
			given_by: head.id,
			mode: 'paper',
			recorded_by: 'ctv-demo'
		});
		expect(consents[1]).toEqual(consents[0]);
	});
});

describe('a household gives its consent on its own phone', () => {
	it('ticks it with its first declaration, which reaches CouchDB as consent given in the app', async () => {
		await browser.close();
		browser = await launchBrowser({ width: 360, height: 740 });
		page = browser.context.pages()[0] ?? (await browser.context.newPage());
		const { household, head } = await freshHousehold(
			stack,
			'Huỳnh Thị Ưng',
			'1960-01-20',
			'female'
		);
		const token = await householdToken(stack, household.id, { issue: true });
		await claimOnPage(page, stack.appUrl, token, '1960');

		await page.getByRole('link', { name: `Khai báo sức khỏe — ${head.full_name}` }).click();
		await page.waitForURL(/khai-bao/);
		const card = page.getByRole('region', { name: CARD });
		await card.waitFor();
		expect(await card.getByRole('radio').count()).toBe(0);
		await page.getByLabel('Cân nặng (kg)').fill('49');
		await page.getByRole('button', { name: 'Lưu khai báo' }).click();
		await expect
			.poll(() =>
				page.getByText('Chưa có sự đồng ý của hộ gia đình: hãy đọc nội dung đồng ý').count()
			)
			.toBeGreaterThan(0);
		await card.getByRole('checkbox', { name: 'Tôi đã đọc và đồng ý' }).check();
		await page.getByRole('button', { name: 'Lưu khai báo' }).click();
		await page.waitForURL(/\/ho\//);
		await waitForWaiting(page, 0);
		await expect
			.poll(async () => (await declarationsOf(stack, household.id)).length, {
				timeout: SYNC_TIMEOUT_MS
			})
			.toBe(1);
		const [stored] = (await declarationsOf(stack, household.id)) as Declaration[];
		expect(stored.role).toBe('resident');
		expect(stored.consent).toMatchObject({ mode: 'in_app', given_by: head.id, text_version: 0 });
		expect(stored.consent?.recorded_by).toBe(stored.declared_by);
	});
});
