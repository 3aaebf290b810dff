// The ward supervisor's dashboard in a real Chromium page: the seeded progress of Phường 27,
// a drill into a group (its households and its collaborators' devices), and a collaborator
// who declares and syncs on their own phone moves the numbers and their device's last sync.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDeclaration, signInAndSettle, waitForWaiting } from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let office: Browser;
let phone: Browser;
let staff: Page;
let collaborator: Page;

beforeAll(async () => {
	stack = await startStack({ households: 40 });
	office = await launchBrowser({ width: 1100, height: 900 });
	phone = await launchBrowser({ width: 360, height: 740 });
	staff = office.context.pages()[0] ?? (await office.context.newPage());
	collaborator = phone.context.pages()[0] ?? (await phone.context.newPage());
});

afterAll(async () => {
	await office?.close();
	await phone?.close();
	await stack?.stop();
});

/** The number in a summary figure, as the page shows it. */
async function figure(page: Page, id: string): Promise<number> {
	const text = (await page.getByTestId(id).locator('.big').textContent()) ?? '';
	return Number(text.replace(/[^\d]/g, ''));
}

describe('a ward supervisor watches the drive', () => {
	let groupUrl = '';
	let recentBefore = 0;

	it('sees the seeded progress of the ward, group by group', async () => {
		await signInAndSettle(staff, stack.appUrl, 'ward-demo');
		await staff.getByRole('link', { name: 'Tiến độ khai báo' }).click();
		await staff.getByRole('heading', { level: 1, name: 'Tiến độ khai báo: Phường 27' }).waitFor();
		expect(await figure(staff, 'figure-declared')).toBeGreaterThan(0);
		const table = staff.getByRole('table');
		await table.getByRole('link', { name: 'Tổ dân phố 1', exact: true }).waitFor();
		expect(await table.locator('tbody tr').count()).toBe(12);
		// Sorting by overdue puts the group with the most overdue people first.
		await table.getByRole('button', { name: /Sắp xếp theo Quá hạn/ }).click();
		expect(await table.locator('thead th[aria-sort="descending"]').count()).toBe(1);
	});

	it('drills into a group: its households and its collaborator, who has never synced', async () => {
		await staff.getByRole('table').getByRole('link', { name: 'Tổ dân phố 1', exact: true }).click();
		await staff
			.getByRole('heading', { level: 1, name: 'Tiến độ khai báo: Tổ dân phố 1' })
			.waitFor();
		groupUrl = staff.url();
		await staff
			.getByRole('navigation', { name: 'Đơn vị' })
			.getByRole('link', { name: 'Phường 27' })
			.waitFor();
		await staff.getByRole('checkbox', { name: /Chỉ hộ cần đến/ }).uncheck();
		await staff.locator('.households ol li').first().waitFor();
		expect(await staff.locator('.households ol li').count()).toBeGreaterThan(0);
		await staff
			.getByTestId('collaborator-ctv-demo')
			.getByText('Chưa đồng bộ lần nào trên thiết bị nào')
			.waitFor();
		recentBefore = await figure(staff, 'figure-recent');
	});

	it('moves when the collaborator declares and syncs', async () => {
		await signInAndSettle(collaborator, stack.appUrl, 'ctv-demo');
		await collaborator.locator('a.household').first().click();
		await collaborator
			.getByRole('link', { name: /Khai báo sức khỏe — / })
			.first()
			.click();
		await collaborator.getByLabel('Cân nặng (kg)').fill('58');
		await saveDeclaration(collaborator);
		await collaborator.waitForURL(/\/ho\//);
		await waitForWaiting(collaborator, 0);

		await staff.goto(groupUrl);
		await expect
			.poll(() => figure(staff, 'figure-recent'), { timeout: 30_000 })
			.toBe(recentBefore + 1);
		await staff
			.getByTestId('collaborator-ctv-demo')
			.getByText(/Đồng bộ lần cuối: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/)
			.waitFor({ timeout: 30_000 });
	});

	it('adds a group on the management screen, and the dashboard counts it at once', async () => {
		await staff.goto(`${stack.appUrl}/quan-ly`);
		await staff.getByRole('heading', { level: 1, name: 'Tổ dân phố và tổ trưởng' }).waitFor();
		await staff.getByLabel('Tên tổ mới').fill('Tổ dân phố 13');
		await staff.getByRole('button', { name: 'Thêm tổ' }).click();
		await staff.getByText('Đã lưu. Tổ dân phố 13 (26956-13)').waitFor();
		await staff.goto(`${stack.appUrl}/giam-sat?don-vi=26956`);
		await staff
			.getByRole('table')
			.getByRole('link', { name: 'Tổ dân phố 13', exact: true })
			.waitFor();
		expect(await staff.getByRole('table').locator('tbody tr').count()).toBe(13);
	});

	it('exports the ward table as a CSV Excel reads in Vietnamese', async () => {
		await staff.getByRole('heading', { level: 1, name: 'Tiến độ khai báo: Phường 27' }).waitFor();
		const download = staff.waitForEvent('download');
		await staff.getByRole('button', { name: 'Xuất bảng (CSV)' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^tien-do-26956-\d{4}-\d{2}-\d{2}\.csv$/);
		const path = await file.path();
		const { readFileSync } = await import('node:fs');
		const bytes = readFileSync(path);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.toString('utf8');
		expect(text).toContain('Tổ dân phố 1');
		expect(text.split('\r\n')[0]).toContain('Đã khai (%)');
		expect(text.split('\r\n').filter((line) => line !== '')).toHaveLength(1 + 13 + 1);
	});
});
