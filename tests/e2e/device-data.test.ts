// The records on the phone, in a real Chromium page: a declaration's health answers are not
// in IndexedDB in clear (read raw with the IndexedDB API), a reload asks for the password
// before the records open (offline too), signing out with everything sent deletes them,
// signing out offline with unsent work warns first and keeps them, and a collaborator account
// disabled by ward staff is wiped from the phone once what it made has reached the server.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Declaration } from '../../src/lib/domain';
import {
	saveDeclaration,
	signInAndSettle,
	waitForWaiting,
	waitingCount
} from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

const WARD_DATABASE = 'ward_26956';
const ALLERGY = 'Dị ứng phấn hoa Qvzk';
const NOTES = 'Ghi chú riêng Hxmw';
const OFFLINE_NOTES = 'Khai báo khi mất sóng Jtrp';

let stack: Stack;
let browser: Browser;
let page: Page;

/** Every value of every object store of every IndexedDB database of the page, as text. */
async function rawIndexedDb(): Promise<{ names: string[]; rows: string[] }> {
	return page.evaluate(async () => {
		const names: string[] = [];
		const rows: string[] = [];
		for (const { name } of await indexedDB.databases()) {
			if (!name) continue;
			names.push(name);
			const database = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open(name);
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			for (const store of Array.from(database.objectStoreNames)) {
				const values = await new Promise<unknown[]>((resolve, reject) => {
					const request = database.transaction(store).objectStore(store).getAll();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
				rows.push(...values.map((value) => JSON.stringify(value)));
			}
			database.close();
		}
		return { names, rows };
	});
}

function localStorageText(): Promise<string> {
	return page.evaluate(() => JSON.stringify({ ...localStorage }));
}

async function declarationsWithNotes(notes: string): Promise<Declaration[]> {
	const result = await stack.couch.json<{ rows: { doc?: Declaration }[] }>(
		`${WARD_DATABASE}/_all_docs`,
		{ query: { include_docs: true, startkey: '"declaration:"', endkey: '"declaration:\ufff0"' } }
	);
	return result.rows
		.map((row) => row.doc)
		.filter((doc): doc is Declaration => doc?.health?.notes === notes);
}

/** Moves inside the app (a full navigation would start locked, like a reload). */
async function declare(fields: { allergies?: string; notes: string; systolic: string }) {
	await page.locator('a.brand').click();
	await page.waitForURL(`${stack.appUrl}/`);
	await page.locator('a.household').first().click();
	await page.waitForURL(/\/ho\//);
	await page
		.getByRole('link', { name: /Khai báo sức khỏe — / })
		.first()
		.click();
	await page.waitForURL(/khai-bao/);
	const memberUrl = page.url().replace(/\/khai-bao.*$/, '');
	await page.getByLabel('Số trên (tâm thu)').fill(fields.systolic);
	await page.getByLabel('Số dưới (tâm trương)').fill('79');
	if (fields.allergies) await page.getByLabel('Dị ứng (thuốc, thức ăn…)').fill(fields.allergies);
	await page.getByLabel('Ghi chú').fill(fields.notes);
	await saveDeclaration(page);
	await page.waitForURL(/\/ho\//);
	return memberUrl;
}

async function unlock(password: string) {
	await page.getByRole('heading', { name: 'Mở dữ liệu trên máy này' }).waitFor();
	await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Mở dữ liệu' }).click();
	await page
		.getByRole('heading', { name: 'Mở dữ liệu trên máy này' })
		.waitFor({ state: 'detached' });
}

async function userDatabases(username: string): Promise<string[]> {
	return (await rawIndexedDb()).names.filter((name) => name.includes(`hssk_${username}--`));
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

describe('the records on the phone', () => {
	let memberUrl = '';

	it('keeps no health answer in clear in IndexedDB', async () => {
		await signInAndSettle(page, stack.appUrl);
		memberUrl = await declare({ allergies: ALLERGY, notes: NOTES, systolic: '127' });
		await waitForWaiting(page, 0);
		expect(await declarationsWithNotes(NOTES)).toHaveLength(1);

		const { names, rows } = await rawIndexedDb();
		expect(names.filter((name) => name.includes('hssk_ctv-demo--')).length).toBeGreaterThan(3);
		expect(rows.some((row) => row.includes('hssk-gcm1:'))).toBe(true);
		const leaks = rows.filter((row) => row.includes(ALLERGY) || row.includes(NOTES));
		expect(leaks).toEqual([]);
		const stored = await localStorageText();
		expect(stored).not.toContain(ALLERGY);
		expect(stored).not.toContain('demo-password');
	});

	it('asks for the password after a reload, offline too, and then shows the declaration', async () => {
		await browser.context.setOffline(true);
		await page.goto(memberUrl);
		await page.getByRole('heading', { name: 'Mở dữ liệu trên máy này' }).waitFor();
		await page.getByLabel('Mật khẩu', { exact: true }).fill('wrong-password');
		await page.getByRole('button', { name: 'Mở dữ liệu' }).click();
		await page.getByRole('alert').filter({ hasText: 'Không mở được' }).waitFor();
		expect(await page.getByText(NOTES).count()).toBe(0);
		await unlock('demo-password');
		await page.getByRole('heading', { name: 'Lịch sử khai báo' }).waitFor();
		await expect.poll(() => page.getByText('127/79').count()).toBeGreaterThan(0);
		await expect.poll(() => page.getByText(ALLERGY).count()).toBeGreaterThan(0);
	});

	it('warns before signing out offline with unsent work, and keeps it', async () => {
		await declare({ notes: OFFLINE_NOTES, systolic: '131' });
		await waitForWaiting(page, 1);
		await page.getByRole('button', { name: 'Đăng xuất' }).click();
		const dialog = page.getByRole('alertdialog');
		await dialog.waitFor();
		expect(await dialog.textContent()).toContain('1 bản ghi trên máy này chưa gửi được');
		await dialog.getByRole('button', { name: 'Giữ lại dữ liệu' }).click();
		await dialog.waitFor({ state: 'detached' });
		expect(page.url()).not.toMatch(/dang-nhap/);
		expect(await waitingCount(page)).toBe('1');
		expect((await userDatabases('ctv-demo')).length).toBeGreaterThan(3);
		expect(await declarationsWithNotes(OFFLINE_NOTES)).toEqual([]);
	});

	it('sends it when the network is back, then signing out deletes the records', async () => {
		await browser.context.setOffline(false);
		await waitForWaiting(page, 0);
		expect(await declarationsWithNotes(OFFLINE_NOTES)).toHaveLength(1);
		await page.getByRole('button', { name: 'Đăng xuất' }).click();
		await page.waitForURL(/dang-nhap/);
		await page.getByText('Đã đăng xuất và xóa dữ liệu trên máy này.').waitFor();
		expect(await page.getByRole('alertdialog').count()).toBe(0);
		expect(await userDatabases('ctv-demo')).toEqual([]);
		const stored = await localStorageText();
		expect(stored).not.toContain('hssk_account:ctv-demo');
		expect(stored).not.toContain('hssk_data_key:ctv-demo');
		const { rows } = await rawIndexedDb();
		expect(rows.filter((row) => row.includes('hssk_data_key:ctv-demo'))).toEqual([]);
	});
});

describe('a collaborator account disabled by ward staff', () => {
	it('pushes what it made, then deletes the records on the phone', async () => {
		await signInAndSettle(page, stack.appUrl, 'ctv-demo-2');
		const notes = 'Trước khi khóa Vbnq';
		await declare({ notes, systolic: '122' });
		await waitForWaiting(page, 0);
		expect(await declarationsWithNotes(notes)).toHaveLength(1);
		expect((await userDatabases('ctv-demo-2')).length).toBeGreaterThan(3);

		const staff = await fetch(`${stack.appUrl}/api/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				username: 'ward-demo',
				password: 'demo-password',
				device_id: 'ward-office-1'
			})
		});
		const cookie = (staff.headers.getSetCookie()[0] ?? '').split(';')[0];
		const disabled = await fetch(`${stack.appUrl}/api/ward/collaborators`, {
			method: 'PATCH',
			headers: { 'content-type': 'application/json', cookie, origin: stack.appUrl },
			body: JSON.stringify({ username: 'ctv-demo-2', action: 'disable' })
		});
		expect(disabled.status).toBe(200);

		await page.waitForURL(/dang-nhap/, { timeout: 90_000 });
		await page.getByText('Tài khoản đã bị khóa: đã xóa dữ liệu trên máy này').waitFor();
		expect(await userDatabases('ctv-demo-2')).toEqual([]);
		expect(await localStorageText()).not.toContain('hssk_data_key:ctv-demo-2');
		expect(await declarationsWithNotes(notes)).toHaveLength(1);
	});
});
