// A collaborator in the field opens a household by its QR sheet with no network, in a real
// Chromium whose camera films the printed code (a Y4M video rendered from the claim link).
// The token is issued by ward staff through the API, reaches the phone's QR index with the
// sync, and the household opens from the device database alone. With the camera refused, the
// link typed by hand opens it too, and an unknown code says why it opens nothing.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUP_CODES } from '../../couch/seed/demo';
import {
	claimLink,
	newQrToken,
	qrTokenHash,
	tokenFromScan,
	type Household
} from '../../src/lib/domain';
import { signInAndSettle, SYNC_TIMEOUT_MS, unlockData } from '../support/app-page';
import { launchBrowser, type Browser } from '../support/browser';
import {
	builtFile,
	QR_SCANNER_SOURCE,
	QR_SCANNER_WORKER_SOURCE,
	readBuildManifest
} from '../support/build-chunks';
import { fakeCameraArgs, writeQrVideo } from '../support/fake-camera';
import { startStack, type Stack } from '../support/stack';
import { householdToken, WARD_DATABASE } from '../support/ward';

const GROUP = DEMO_GROUP_CODES[0];
const UNKNOWN =
	'Mã này không thuộc hộ nào trong tổ của bạn trên máy này, hoặc mã mới hơn lần đồng bộ cuối: hãy đồng bộ rồi thử lại.';
const NOT_A_CODE = 'Đây không phải mã của phiếu hộ gia đình. Hãy kiểm tra lại đường link hoặc mã.';
const MANUAL_LABEL = 'Đường link hoặc mã trên phiếu của hộ';

type StoredHousehold = Household & { _id: string };

let stack: Stack;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
let videoDir: string;
let scanned: StoredHousehold;
let newer: StoredHousehold;
let scannedLink: string;
/** Every address the page itself asked for (the service worker's own fetches are not here). */
const requested: string[] = [];
/** The scanner's files as the page got them, and whether the service worker answered. */
const scannerResponses = new Map<string, boolean>();

const manifest = readBuildManifest();
const SCANNER_FILE = `/${builtFile(manifest, QR_SCANNER_SOURCE)}`;
const WORKER_FILE = `/${builtFile(manifest, QR_SCANNER_WORKER_SOURCE)}`;

async function groupHouseholds(): Promise<StoredHousehold[]> {
	const result = await stack.couch.json<{ rows: { doc?: StoredHousehold }[] }>(
		`${WARD_DATABASE}/_all_docs`,
		{ query: { include_docs: true, startkey: '"household:"', endkey: '"household:\ufff0"' } }
	);
	return result.rows
		.map((row) => row.doc)
		.filter((doc): doc is StoredHousehold => doc?.group === GROUP);
}

/** Ward staff issue the household's QR code; its sheet prints this claim link. */
async function issueCode(householdId: string): Promise<string> {
	return claimLink(stack.appUrl, await householdToken(stack, householdId, { issue: true }));
}

function addressOf(household: StoredHousehold): string {
	return `${household.address.house_number} ${household.address.street}`;
}

function householdPath(household: StoredHousehold): string {
	return `/ho/${household._id.slice('household:'.length)}`;
}

async function setCamera(setting: 'granted' | 'denied'): Promise<void> {
	await cdp.send('Browser.setPermission', {
		permission: { name: 'camera' },
		setting,
		origin: stack.appUrl
	});
}

async function openScanScreen(): Promise<void> {
	await page.getByRole('link', { name: 'Quét mã QR' }).click();
	await page.waitForURL(/\/quet$/);
	await page.getByRole('heading', { level: 1, name: 'Quét mã QR của hộ' }).waitFor();
}

/** What a screen reader reads with the field after its label: the hint and the problem. */
function fieldDescription(): Promise<string> {
	return page.getByLabel(MANUAL_LABEL).evaluate((element) =>
		(element.getAttribute('aria-describedby') ?? '')
			.split(/\s+/)
			.map((id) => document.getElementById(id)?.textContent ?? '')
			.join(' ')
	);
}

async function typeCode(text: string): Promise<void> {
	const field = page.getByLabel(MANUAL_LABEL);
	await field.fill(text);
	// Editing clears the last problem, so the next one shown is this text's.
	await expect.poll(() => field.getAttribute('aria-invalid')).toBe('false');
	await page.getByRole('button', { name: 'Mở hộ' }).click();
}

async function expectHouseholdPage(household: StoredHousehold): Promise<void> {
	await page.waitForURL((url) => url.pathname === householdPath(household));
	await page.getByRole('heading', { level: 1, name: `Hộ ${addressOf(household)}` }).waitFor();
	expect(await page.getByText(household.head_name).count()).toBeGreaterThan(0);
}

beforeAll(async () => {
	stack = await startStack({ households: 40 });
	const households = await groupHouseholds();
	expect(households.length).toBeGreaterThanOrEqual(2);
	[scanned, newer] = households;
	scannedLink = await issueCode(scanned._id);

	videoDir = mkdtempSync(join(tmpdir(), 'hssk-camera-'));
	const video = join(videoDir, 'household-sheet.y4m');
	writeQrVideo(video, scannedLink);
	browser = await launchBrowser({ width: 360, height: 740, args: fakeCameraArgs(video) });
	page = browser.context.pages()[0] ?? (await browser.context.newPage());
	cdp = await browser.context.newCDPSession(page);
	page.on('request', (request) => requested.push(new URL(request.url()).pathname));
	page.on('response', (response) => {
		const path = new URL(response.url()).pathname;
		if (path === SCANNER_FILE || path === WORKER_FILE) {
			scannerResponses.set(path, response.fromServiceWorker());
		}
	});
});

afterAll(async () => {
	await browser?.close();
	await stack?.stop();
	if (videoDir) rmSync(videoDir, { recursive: true, force: true });
});

describe('a collaborator opens a household by its QR code, offline', () => {
	it('signs in and the group’s QR index reaches the phone, without loading the scanner', async () => {
		await signInAndSettle(page, stack.appUrl);
		const token = tokenFromScan(scannedLink);
		if (!token) throw new Error(`not a claim link: ${scannedLink}`);
		const hash = await qrTokenHash(token);
		await page.waitForFunction(
			(expected) => localStorage.getItem('hssk_qr_index:ctv-demo')?.includes(expected) ?? false,
			hash,
			{ timeout: SYNC_TIMEOUT_MS }
		);
		expect(await page.getByRole('link', { name: 'Quét mã QR' }).isVisible()).toBe(true);
		expect(requested.filter((path) => path === SCANNER_FILE || path === WORKER_FILE)).toEqual([]);
	});

	it('with the camera refused, says so and offers the code typed by hand', async () => {
		await browser.context.setOffline(true);
		await setCamera('denied');
		await openScanScreen();
		await expect
			.poll(() => page.getByTestId('camera-status').textContent())
			.toContain('Máy ảnh bị chặn');
		expect(await page.getByTestId('camera-status').getAttribute('role')).toBe('status');
		expect(await page.getByLabel(MANUAL_LABEL).isVisible()).toBe(true);
	});

	it('says why a code opens nothing: unknown, newer than the last sync, or not a code', async () => {
		// Issued after the phone's last sync: the phone cannot know it offline.
		const newerLink = await issueCode(newer._id);
		for (const text of [newQrToken(), newerLink]) {
			await typeCode(text);
			await expect.poll(fieldDescription).toContain(UNKNOWN);
			expect(page.url()).toMatch(/\/quet$/);
			expect(await page.getByLabel(MANUAL_LABEL).getAttribute('aria-invalid')).toBe('true');
		}
		await typeCode('https://example.com/menu');
		await expect.poll(fieldDescription).toContain(NOT_A_CODE);
	});

	it('opens the household from its link typed by hand, offline', async () => {
		await typeCode(scannedLink);
		await expectHouseholdPage(scanned);
	});

	it("opens the household when the phone's own camera app opens the link, offline", async () => {
		await page.goto(scannedLink);
		await unlockData(page);
		await expectHouseholdPage(scanned);
	});

	it('scans the printed code with the camera, offline, and opens that household', async () => {
		await setCamera('granted');
		await page.getByRole('link', { name: '← Về danh sách hộ' }).click();
		await page.waitForURL(`${stack.appUrl}/`);
		await openScanScreen();
		await expectHouseholdPage(scanned);
		// Loaded for the first time with no network: the service worker had it cached.
		expect(scannerResponses.get(SCANNER_FILE)).toBe(true);
		// Without a native BarcodeDetector (Chromium on Linux) qr-scanner decodes in its worker.
		if (!(await page.evaluate(() => 'BarcodeDetector' in window))) {
			expect(scannerResponses.get(WORKER_FILE)).toBe(true);
		}
	});

	it('back online, a code issued after the last sync opens too', async () => {
		await browser.context.setOffline(false);
		await setCamera('denied');
		await page.getByRole('link', { name: '← Về danh sách hộ' }).click();
		await openScanScreen();
		const newerLink = await issueCode(newer._id);
		await typeCode(newerLink);
		await expectHouseholdPage(newer);
	});
});
