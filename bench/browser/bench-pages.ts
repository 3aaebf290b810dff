// Opens one of the benchmark's pages on a given origin (the app's, so the gateway sees its
// session cookie, or CouchDB's, so stock PouchDB talks to it without CORS), and reads a
// page's JS heap through the DevTools protocol.

import type { BrowserContext, Page } from 'playwright-core';
import { BENCH_PATH, type BrowserBundle, type PageName } from './browser-bundle';

const GLOBAL_OF_PAGE: Record<PageName, string> = {
	'device-page': 'benchDevice',
	'pouch-page': 'benchPouch'
};

/**
 * The bundle is served by intercepting `/__bench/` only while the page loads: interception
 * routes every request of the page through the benchmark, which would slow the measured sync.
 */
export async function openBenchPage(
	context: BrowserContext,
	bundle: BrowserBundle,
	origin: string,
	name: PageName
): Promise<Page> {
	const page = await context.newPage();
	await page.route(`${origin}${BENCH_PATH}**`, async (route) => {
		const file = new URL(route.request().url()).pathname.slice(BENCH_PATH.length);
		const body = file.endsWith('.html') ? bundle.html(name) : bundle.files.get(file);
		if (body === undefined) return route.fulfill({ status: 404, body: 'not in the bundle' });
		await route.fulfill({
			status: 200,
			contentType: file.endsWith('.html') ? 'text/html' : 'text/javascript',
			body
		});
	});
	await page.goto(`${origin}${BENCH_PATH}${name}.html`);
	await page.waitForFunction((key) => key in window, GLOBAL_OF_PAGE[name]);
	await page.unrouteAll({ behavior: 'wait' });
	return page;
}

export type Heap = { usedBytes: number; totalBytes: number };

/** The page's JS heap after a full garbage collection, so what is counted is what is held. */
export async function pageHeap(page: Page): Promise<Heap> {
	const cdp = await page.context().newCDPSession(page);
	try {
		await cdp.send('HeapProfiler.collectGarbage');
		await cdp.send('Performance.enable');
		const { metrics } = await cdp.send('Performance.getMetrics');
		const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? NaN;
		return { usedBytes: metric('JSHeapUsedSize'), totalBytes: metric('JSHeapTotalSize') };
	} finally {
		await cdp.detach();
	}
}
