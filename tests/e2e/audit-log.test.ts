// Ward staff read their ward's audit trail in a real Chromium page at 360 px: their own sign-in
// and the records their phone was sent, with the time as dd/mm/yyyy and the device, a page of
// 50 at a time with older pages behind, in Vietnamese and then in English.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntryId } from '../../src/lib/domain';
import { signInAndSettle } from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

const WARD = '26956';
let stack: Stack;
let phone: Browser;
let page: Page;

beforeAll(async () => {
	stack = await startStack({ households: 10 });
	// Older entries of the ward, so the trail runs over more than one page.
	const start = Date.parse('2026-11-20T02:00:00.000Z');
	const docs = Array.from({ length: 60 }, (_, index) => {
		const at = new Date(start + index * 60_000).toISOString();
		const id = auditEntryId(WARD, at, index.toString(16).padStart(8, '0'));
		return {
			_id: id,
			id,
			type: 'audit',
			unit: WARD,
			at,
			actor: 'ctv-demo-2',
			role: 'collaborator',
			device_id: 'old-phone-0002',
			action: 'records.read',
			target: '_changes',
			count: 1,
			records: ['household:4b3edce1-1950-4c60-8646-22aa11ae8f5a']
		};
	});
	await stack.couch.json('hssk_audit/_bulk_docs', { method: 'POST', body: { docs } });
	phone = await launchBrowser({ width: 360, height: 740 });
	page = phone.context.pages()[0] ?? (await phone.context.newPage());
});

afterAll(async () => {
	await phone?.close();
	await stack?.stop();
});

describe("the ward's audit trail", () => {
	it('shows the staff their own sign-in and sync, newest first, with dd/mm/yyyy and the device', async () => {
		await signInAndSettle(page, stack.appUrl, 'ward-demo');
		await page.getByRole('link', { name: 'Nhật ký truy cập dữ liệu' }).click();
		await page.getByRole('heading', { level: 1, name: 'Nhật ký truy cập dữ liệu' }).waitFor();
		await page.getByRole('heading', { level: 2, name: 'Trang 1' }).waitFor();
		const entries = page.getByTestId('audit-entry');
		expect(await entries.count()).toBe(50);
		const text = (await page.locator('ol.entries').textContent()) ?? '';
		expect(text).toContain('Đăng nhập');
		expect(text).toContain('Nhận hồ sơ về thiết bị');
		expect(text).toContain('ward-demo');
		expect(text).toMatch(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
		const deviceId = await page.evaluate(() => localStorage.getItem('hssk_device_id'));
		expect(deviceId).toBeTruthy();
		expect(text).toContain(deviceId);
		const fits = await page.evaluate(
			() => document.documentElement.scrollWidth <= document.documentElement.clientWidth
		);
		expect(fits).toBe(true);
	});

	it('pages to older entries and back', async () => {
		await page.getByRole('button', { name: 'Xem cũ hơn' }).click();
		await page.getByRole('heading', { level: 2, name: 'Trang 2' }).waitFor();
		const text = (await page.locator('ol.entries').textContent()) ?? '';
		expect(text).toContain('old-phone-0002');
		expect(text).toContain('20/11/2026');
		await page.getByRole('button', { name: 'Về mới nhất' }).click();
		await page.getByRole('heading', { level: 2, name: 'Trang 1' }).waitFor();
	});

	it('speaks English when asked', async () => {
		await page.getByRole('button', { name: /English/ }).click();
		await page.getByRole('heading', { level: 1, name: 'Data access log' }).waitFor();
		expect(await page.getByRole('button', { name: 'Older entries' }).count()).toBe(1);
	});
});
