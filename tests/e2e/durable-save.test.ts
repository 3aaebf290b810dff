// "Đã lưu" means it survives the phone dying: a collaborator saves a declaration offline, the
// browser is killed with SIGKILL the moment the screen acknowledges it (no clean shutdown),
// started again on the same profile, and the declaration is on the device, still offline and
// still counted as waiting; back online it reaches CouchDB once, stamped. Also: the app asked
// for persistent storage, and what it shows matches the browser's answer.
//
// Chromium writes cookies to disk every 30 s, so a browser killed seconds after a sign-in
// usually comes back without the server session: then the app must say "sign in again", keep
// the declaration, and send it after the sign-in. Either way the test checks what the screen
// says against what the browser kept.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	saveDeclaration,
	signInAndSettle,
	SYNC_TIMEOUT_MS,
	unlockData,
	waitForWaiting,
	waitingCount
} from '../support/app-page';
import { launchKillableBrowser, type KillableBrowser } from '../support/killable-browser';
import { startStack, type Stack } from '../support/stack';
import { WARD_DATABASE } from '../support/ward';
import type { Declaration } from '../../src/lib/domain';

type Stored = Declaration & { _id: string };

let stack: Stack;
let profileDir: string;
let browser: KillableBrowser | undefined;

/** Counts the app's calls to the real `navigator.storage.persist()`, which still answers. */
function countPersistRequests(): void {
	const storage = navigator.storage;
	const persist = storage.persist.bind(storage);
	const counted = window as unknown as { __persistRequests: number };
	counted.__persistRequests = 0;
	storage.persist = () => {
		counted.__persistRequests += 1;
		return persist();
	};
}

async function start(): Promise<Page> {
	browser = await launchKillableBrowser(profileDir, { width: 360, height: 740 });
	await browser.context.addInitScript(countPersistRequests);
	return browser.page;
}

async function declarationsOf(personId: string): Promise<Stored[]> {
	const result = await stack.couch.json<{ rows: { doc?: Stored }[] }>(
		`${WARD_DATABASE}/_all_docs`,
		{ query: { include_docs: true, startkey: '"declaration:"', endkey: '"declaration:\ufff0"' } }
	);
	return result.rows.map((row) => row.doc).filter((doc): doc is Stored => doc?.person === personId);
}

const isOurs = (doc: Stored) => doc.health.systolic === 131 && doc.health.diastolic === 84;

beforeAll(async () => {
	stack = await startStack({ households: 40 });
	profileDir = mkdtempSync(join(tmpdir(), 'hssk-chromium-killed-'));
});

afterAll(async () => {
	await browser?.kill();
	await stack?.stop();
	if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('a save acknowledged on screen survives killing the browser', () => {
	let page: Page;
	let personId = '';
	let memberUrl = '';

	it('signs in, asks to keep the data, and shows what the browser answered', async () => {
		page = await start();
		await signInAndSettle(page, stack.appUrl);
		await expect
			.poll(() => page.evaluate(() => (window as { __persistRequests?: number }).__persistRequests))
			.toBeGreaterThanOrEqual(1);
		const isPersisted = await page.evaluate(() => navigator.storage.persisted());
		const refusal = page.locator('[data-testid=storage-warning][data-kind=refused]');
		if (isPersisted) {
			expect(await refusal.count()).toBe(0);
		} else {
			await refusal.waitFor();
			expect(await refusal.textContent()).toContain('Trình duyệt chưa hứa giữ dữ liệu');
		}
		const { usage } = await page.evaluate(() => navigator.storage.estimate());
		console.info(
			`durable-save: persist() answered ${isPersisted}; the origin uses ${usage} bytes after the first sync of 40 households`
		);
	});

	it('saves offline, and the browser dies right after "Đã lưu trên máy"', async () => {
		await page.locator('a.household').first().click();
		await page.waitForURL(/\/ho\//);
		await page
			.getByRole('link', { name: /Khai báo sức khỏe — / })
			.first()
			.click();
		await page.waitForURL(/khai-bao/);
		memberUrl = page.url().replace(/\/khai-bao.*$/, '');
		personId = `person:${new URL(memberUrl).pathname.split('/').pop()}`;

		await browser!.context.setOffline(true);
		await page.getByLabel('Số trên (tâm thu)').fill('131');
		await page.getByLabel('Số dưới (tâm trương)').fill('84');
		await saveDeclaration(page);
		await page.getByRole('status').filter({ hasText: 'Đã lưu trên máy' }).waitFor();
		const ackAt = Date.now();
		await browser!.kill();
		console.info(
			`durable-save: SIGKILL ${Date.now() - ackAt} ms after the acknowledgement was seen`
		);
		expect((await declarationsOf(personId)).filter(isOurs)).toEqual([]);
	});

	it('starts again on the same profile, offline, with the declaration on the device', async () => {
		page = await start();
		await browser!.context.setOffline(true);
		await page.goto(memberUrl);
		// The wrapped data key is one of the kept entries: the kill must not have lost it.
		await unlockData(page);
		await page.getByRole('heading', { name: 'Lịch sử khai báo' }).waitFor();
		await expect.poll(() => page.getByText('131/84').count()).toBeGreaterThan(0);
		await waitForWaiting(page, 1);
		expect(await page.getByTestId('sync-oldest').textContent()).toMatch(
			/vừa lưu|lâu nhất \d+ phút/
		);
		expect((await declarationsOf(personId)).filter(isOurs)).toEqual([]);
	});

	it(
		'sends it once back online, and CouchDB holds it once, stamped',
		async () => {
			const cookies = await browser!.context.cookies(stack.appUrl);
			const hasServerSession = cookies.some((cookie) => cookie.name === 'hssk_session');
			await browser!.context.setOffline(false);
			const signInAgain = page.getByRole('link', { name: 'Đăng nhập lại' });
			console.info(`durable-save: the session cookie survived the kill: ${hasServerSession}`);
			if (!hasServerSession) {
				await signInAgain.waitFor({ timeout: SYNC_TIMEOUT_MS });
				expect(await waitingCount(page)).toBe('1');
				await signInAgain.click();
				await page.waitForURL(/dang-nhap/);
				await page.getByLabel('Tên đăng nhập').fill('ctv-demo');
				await page.getByLabel('Mật khẩu', { exact: true }).fill('demo-password');
				await page.getByRole('button', { name: 'Đăng nhập' }).click();
			}
			await waitForWaiting(page, 0);
			expect(await signInAgain.count()).toBe(0);
			expect(await waitingCount(page)).toBe('0');
			expect(await page.getByTestId('sync-oldest').count()).toBe(0);
			const stored = (await declarationsOf(personId)).filter(isOurs);
			expect(stored).toHaveLength(1);
			expect(stored[0]).toMatchObject({
				type: 'declaration',
				declared_by: 'ctv-demo',
				channel: 'door_to_door',
				stamp: { by: 'ctv-demo' }
			});
			expect(stored[0].stamp?.at).toEqual(expect.any(String));
		},
		SYNC_TIMEOUT_MS + 30_000
	);
});
