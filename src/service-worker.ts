/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// Keeps the app opening with no network: the app shell (every build asset, every static file
// and the HTML page the server sends for any address, since pages render on the device) is
// cached per version. Health data never passes through here: /api/ and /db/ requests go
// straight to the network, and the device database is the app's own store.

import { base, build, files, version } from '$service-worker';
import {
	cachedAssets,
	SHELL_DEPTHS,
	shellDepth,
	shellPolicy,
	shellUrl
} from '$lib/ui/shell-cache-policy';

const worker = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'hssk-shell-';
const CACHE = `${CACHE_PREFIX}${version}`;
/** On a slow line the cached shell is shown rather than a blank screen past this. */
const NAVIGATION_TIMEOUT_MS = 3_000;
const SHELL_ASSETS = cachedAssets(base, [...build, ...files]);

/**
 * The server answers every address with the same page (pages render on the device), but with
 * Kit's relative paths its links depend on the address's depth: one copy per depth. An
 * address no route matches answers 404 with that same page, so it is kept as a 200.
 */
async function cacheShell(): Promise<void> {
	const cache = await caches.open(CACHE);
	await cache.addAll([...SHELL_ASSETS]);
	for (let depth = 0; depth < SHELL_DEPTHS; depth += 1) {
		const url = shellUrl(depth, base);
		const page = await fetch(url, { cache: 'reload', credentials: 'same-origin' });
		const isShell = page.headers.get('content-type')?.startsWith('text/html');
		if (!isShell || (page.status !== 200 && page.status !== 404)) {
			throw new Error(`The app shell at ${url} answered ${page.status}`);
		}
		const headers = new Headers(page.headers);
		await cache.put(url, new Response(await page.blob(), { status: 200, headers }));
	}
}

async function dropOldCaches(): Promise<void> {
	for (const key of await caches.keys()) {
		if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
	}
}

async function cachedShell(pathname: string): Promise<Response> {
	const cache = await caches.open(CACHE);
	return (await cache.match(shellUrl(shellDepth(pathname, base), base))) ?? Response.error();
}

/** The network's page if it answers well and in time, otherwise the cached shell. */
async function navigate(request: Request): Promise<Response> {
	const timeout = new Promise<null>((resolve) =>
		setTimeout(() => resolve(null), NAVIGATION_TIMEOUT_MS)
	);
	const network = fetch(request)
		.then((response) => (response.status >= 500 ? null : response))
		.catch(() => null);
	const first = await Promise.race([network, timeout]);
	return first ?? (await cachedShell(new URL(request.url).pathname));
}

async function fromCacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const cached = await cache.match(request);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}

worker.addEventListener('install', (event) => {
	event.waitUntil(cacheShell());
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(dropOldCaches().then(() => worker.clients.claim()));
});

worker.addEventListener('fetch', (event) => {
	const request = event.request;
	const policy = shellPolicy(
		{ method: request.method, url: new URL(request.url), mode: request.mode },
		{ origin: worker.location.origin, base, assets: SHELL_ASSETS }
	);
	if (policy === 'navigate') event.respondWith(navigate(request));
	else if (policy === 'cache_first') event.respondWith(fromCacheFirst(request));
});
