// The JavaScript of the collaborator's first screen (the household list) against its budget,
// 170 KB gzip for a $200 Android phone on 3G, and the whole service worker precache.
//
//   npm run build && npm run bench:bundle
//
// Two readings of the first screen: from Vite's manifest (the static import closure of Kit's
// entries, the root layout and the home page), and from a real Chromium page signed in as
// ctv-demo: the JavaScript responses it requested until the household list showed, and
// everything it requested until the network went quiet (chunks loaded with `import()` after
// the list, such as the sync engine). Sizes are counted as gzip level 9 of each body, whatever
// encoding the server chose, so the two readings compare. Byte counts do not vary between
// runs, so the baseline is the budget itself rather than a floor measured alongside.

import type { Page, Response } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser';
import { signInAndSettle, unlockData } from '../tests/support/app-page';
import {
	FIRST_SCREEN_BUDGET_BYTES,
	firstScreenFiles,
	gzipBytes,
	kilobytes,
	precacheFiles,
	totalGzip
} from '../tests/support/first-screen-js';
import { startStack } from '../tests/support/stack';

/** After the list shows, how long without a new script request counts as quiet. */
const QUIET_MS = 3_000;

type Requested = { url: string; gzip: number; afterList: boolean };

function ratio(bytes: number): string {
	return `${(bytes / FIRST_SCREEN_BUDGET_BYTES).toFixed(2)}× budget`;
}

function isScript(response: Response): boolean {
	const type = response.headers()['content-type'] ?? '';
	return response.url().endsWith('.js') || type.includes('javascript');
}

/** Reloads the signed-in home screen and collects every script it requests. */
async function measurePage(page: Page, appUrl: string): Promise<Requested[]> {
	const requested: Requested[] = [];
	const pending: Promise<void>[] = [];
	let isListShown = false;
	let lastScriptAt = Date.now();
	page.on('response', (response) => {
		if (!isScript(response)) return;
		lastScriptAt = Date.now();
		const afterList = isListShown;
		pending.push(
			response.body().then((body) => {
				requested.push({ url: new URL(response.url()).pathname, gzip: gzipBytes(body), afterList });
			})
		);
	});
	await page.goto(`${appUrl}/`);
	// After a full load the records on the phone are locked until the password is typed.
	await unlockData(page);
	await page.locator('a.household').first().waitFor();
	isListShown = true;
	while (Date.now() - lastScriptAt < QUIET_MS) await page.waitForTimeout(250);
	await Promise.all(pending);
	return requested;
}

async function main(): Promise<void> {
	const manifestFiles = firstScreenFiles();
	const precache = precacheFiles();
	const precacheJs = precache.filter((file) => file.file.endsWith('.js'));

	const stack = await startStack();
	const browser = await launchBrowser();
	try {
		const page = await browser.context.newPage();
		await signInAndSettle(page, stack.appUrl);
		// Signed in and settled, as a phone in the field opens the app: the service worker
		// answers the scripts from its cache (Playwright sees those responses too).
		const fromWorker = await measurePage(page, stack.appUrl);
		const beforeList = (list: Requested[]) => list.filter((entry) => !entry.afterList);
		const sum = (list: Requested[]) => list.reduce((total, entry) => total + entry.gzip, 0);
		const rows: [string, number, number][] = [
			['budget (baseline)', FIRST_SCREEN_BUDGET_BYTES, 0],
			['first screen, Vite manifest', totalGzip(manifestFiles), manifestFiles.length],
			[
				'first screen, Chromium until the list shows',
				sum(beforeList(fromWorker)),
				beforeList(fromWorker).length
			],
			['all JS requested until quiet', sum(fromWorker), fromWorker.length],
			['service worker precache, JS', totalGzip(precacheJs), precacheJs.length],
			['service worker precache, everything', totalGzip(precache), precache.length]
		];
		const width = Math.max(...rows.map(([label]) => label.length));
		console.log(`${''.padEnd(width)}  files   gzip       ratio`);
		for (const [label, bytes, files] of rows) {
			console.log(
				`${label.padEnd(width)}  ${String(files).padStart(5)}  ${kilobytes(bytes).padStart(9)}  ${ratio(bytes)}`
			);
		}
		console.log('\nFirst screen by file (manifest):');
		for (const file of manifestFiles)
			console.log(`  ${kilobytes(file.gzip).padStart(9)}  ${file.file}`);
		const late = fromWorker.filter((entry) => entry.afterList);
		if (late.length > 0) {
			console.log('\nRequested after the list showed ):');
			for (const entry of late) console.log(`  ${kilobytes(entry.gzip).padStart(9)}  ${entry.url}`);
		}
	} finally {
		await browser.close();
		await stack.stop();
	}
}

await main();
