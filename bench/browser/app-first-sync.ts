// A first sync as a user lives it: the app's own page in a browser profile of its own, the
// sign-in form filled and sent, then the time until every record of the user's scope is in
// the device's IndexedDB and the sync indicator has stopped moving. The records are counted
// straight in IndexedDB (the Dexie storage's `docs` store of each collection), since the app
// keeps its database to itself.

import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser';
import { pageHeap, type Heap } from './bench-pages';
import type { RecordCounts } from './device-page';

const STORE_OF_TYPE: Record<keyof RecordCounts, string> = {
	household: 'households',
	person: 'persons',
	declaration: 'declarations'
};
const POLL_MS = 100;
const SYNC_TIMEOUT_MS = 300_000;

export type AppFirstSync = {
	/** From sending the sign-in form until every record is stored and the indicator is still. */
	seconds: number;
	/** Of which, until the app's home screen was open. */
	signInSeconds: number;
	/** The sign-in page's heap, then the home screen's with every record stored. */
	heapSignedOut: Heap;
	heap: Heap;
};

/**
 * Polls IndexedDB in the page until the device database holds `expected`. Kept as source
 * text: tsx would wrap named functions in a helper that does not exist in the page.
 */
const UNTIL_STORED = `async ({ prefix, stores, wanted, pollMs, timeoutMs }) => {
	const deadline = performance.now() + timeoutMs;
	const asPromise = (request) =>
		new Promise((resolve, reject) => {
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
	const connections = new Map();
	try {
		for (;;) {
			if (performance.now() > deadline) throw new Error('the records never all arrived');
			const names = (await indexedDB.databases()).map((info) => info.name ?? '');
			let isDone = true;
			for (const [type, store] of Object.entries(stores)) {
				const name = names.find((candidate) => candidate.startsWith(prefix) && candidate.endsWith('--' + store));
				if (!name) {
					isDone = false;
					break;
				}
				if (!connections.has(name)) connections.set(name, await asPromise(indexedDB.open(name)));
				const docs = connections.get(name).transaction('docs', 'readonly').objectStore('docs');
				if ((await asPromise(docs.count())) < wanted[type]) {
					isDone = false;
					break;
				}
			}
			if (isDone) return;
			await new Promise((resolve) => setTimeout(resolve, pollMs));
		}
	} finally {
		for (const db of connections.values()) db.close();
	}
}`;

async function untilStored(page: Page, username: string, expected: RecordCounts): Promise<void> {
	const options = {
		prefix: `rxdb-dexie-hssk_${username.replace(/\./g, '$')}--`,
		stores: STORE_OF_TYPE,
		wanted: expected,
		pollMs: POLL_MS,
		timeoutMs: SYNC_TIMEOUT_MS
	};
	await page.evaluate(`(${UNTIL_STORED})(${JSON.stringify(options)})`);
}

/** Signs in through the app's form in a fresh profile and times the first sync to the end. */
export async function appFirstSync(
	appUrl: string,
	username: string,
	password: string,
	expected: RecordCounts
): Promise<AppFirstSync> {
	const browser = await launchBrowser();
	try {
		const page = await browser.context.newPage();
		await page.goto(`${appUrl}/`);
		await page.waitForURL(/dang-nhap/);
		await page.getByLabel('Tên đăng nhập').fill(username);
		await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
		const heapSignedOut = await pageHeap(page);
		const started = performance.now();
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await page.waitForURL(`${appUrl}/`, { timeout: SYNC_TIMEOUT_MS });
		const signInSeconds = (performance.now() - started) / 1000;
		await untilStored(page, username, expected);
		// The indicator's spinner runs while anything is sent or received.
		await page.waitForFunction(
			() => {
				const state = document.querySelector('[data-testid=sync-waiting]');
				return state?.getAttribute('data-count') === '0' && !state.querySelector('.spinner');
			},
			null,
			{ timeout: SYNC_TIMEOUT_MS }
		);
		const seconds = (performance.now() - started) / 1000;
		return { seconds, signInSeconds, heapSignedOut, heap: await pageHeap(page) };
	} finally {
		await browser.close();
	}
}
