// What every end-to-end test does with the app's page: sign in, read the sync indicator's
// waiting count, and wait for it.

import type { Page } from 'playwright-core';

export const SYNC_TIMEOUT_MS = 60_000;

export function waitingCount(page: Page): Promise<string | null> {
	return page.getByTestId('sync-waiting').getAttribute('data-count');
}

export async function waitForWaiting(page: Page, count: number): Promise<void> {
	await page.waitForFunction(
		(expected) =>
			document.querySelector('[data-testid=sync-waiting]')?.getAttribute('data-count') ===
			String(expected),
		count,
		{ timeout: SYNC_TIMEOUT_MS }
	);
}

/**
 * Signs in online and waits until the group is on the phone and the service worker controls
 * the page: before that, a reload offline has nothing to open.
 */
export async function signInAndSettle(
	page: Page,
	appUrl: string,
	username = 'ctv-demo',
	password = 'demo-password'
): Promise<void> {
	await page.goto(`${appUrl}/`);
	await page.waitForURL(/dang-nhap/);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL(`${appUrl}/`);
	await page.locator('a.household').first().waitFor();
	await waitForWaiting(page, 0);
	await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, {
		timeout: SYNC_TIMEOUT_MS
	});
}

/** Opens a household's claim link, answers with the head's year of birth, and waits until the
 * household and its members are on the phone and the service worker controls the page. */
export async function claimOnPage(
	page: Page,
	appUrl: string,
	token: string,
	answer: string
): Promise<void> {
	await page.goto(`${appUrl}/q/${token}`);
	await page.getByLabel('Năm sinh của chủ hộ, hoặc mã in dưới mã QR').fill(answer);
	await page.getByLabel('Mã PIN của máy này').fill(TEST_PIN);
	await page.getByRole('button', { name: 'Mở hồ sơ' }).click();
	await page.waitForURL(/\/ho\//);
	await page.locator('li.member').first().waitFor({ timeout: SYNC_TIMEOUT_MS });
	await waitForWaiting(page, 0);
	await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, {
		timeout: SYNC_TIMEOUT_MS
	});
}

/** The PIN the tests' households choose when they claim a phone. */
export const TEST_PIN = '2468';

/**
 * After a reload or any full navigation the records on the phone are locked: types the
 * password (or a household's PIN) into the lock screen and waits until they are open.
 */
export async function unlockData(page: Page, secret = 'demo-password'): Promise<void> {
	const heading = page.getByRole('heading', { name: 'Mở dữ liệu trên máy này' });
	await heading.waitFor({ timeout: SYNC_TIMEOUT_MS });
	const field = page.getByLabel(secret === TEST_PIN ? 'Mã PIN' : 'Mật khẩu', { exact: true });
	await field.fill(secret);
	await page.getByRole('button', { name: 'Mở dữ liệu' }).click();
	await heading.waitFor({ state: 'detached', timeout: SYNC_TIMEOUT_MS });
}

/**
 * Saves the declaration form. A household's first declaration asks for its consent: the form
 * renders only once the device knows whether it consented before, so the card is either there
 * or not by the time the save button is; when it is, it is answered as the user would (the
 * person declared for agreed, aloud for a collaborator). tests/e2e/consent.test.ts checks the
 * card itself.
 */
export async function saveDeclaration(page: Page): Promise<void> {
	const save = page.getByRole('button', { name: 'Lưu khai báo' });
	await save.waitFor();
	const consent = page.getByRole('region', { name: 'Đồng ý cho thu thập thông tin sức khỏe' });
	if ((await consent.count()) > 0) {
		const aloud = consent.getByRole('radio', { name: 'Đồng ý bằng lời' });
		if ((await aloud.count()) > 0) await aloud.check();
		await consent.getByRole('checkbox').check();
	}
	await save.click();
}
