// What every request and answer passes through before and after the routes: cross-site
// writes refused (Kit refuses cross-site form posts itself; this covers the JSON API and the
// gateway too), and the security headers on whatever the app answers. The production entry
// (server/index.js) sets the same headers on the static files, which never reach the app.

import { DEFAULT_CSP, securityHeaders } from '../../../server/security-headers.js';
import { isProduction } from './config';
import { refusal } from './http';

const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A browser names the page a request comes from (`Origin`, `Sec-Fetch-Site`): a write sent
 * from another site is refused, whatever cookie it carries. Clients that are not browsers
 * (PouchDB in Node, scripts) send neither and are judged by their credentials alone.
 */
export function crossSiteRefusal(request: Request, url: URL): Response | null {
	if (!UNSAFE_METHODS.has(request.method)) return null;
	const origin = request.headers.get('origin');
	const site = request.headers.get('sec-fetch-site');
	const isCrossSite =
		(origin !== null && origin !== url.origin) || site === 'cross-site' || site === 'same-site';
	return isCrossSite ? refusal(403, 'csrf.cross_site') : null;
}

/** The JSON API's requests are a few hundred bytes; the org import (5 MB) and the gateway
 * (10 MB) bound their own bodies with the same kind of answer. */
export const API_BODY_LIMIT_BYTES = 1024 * 1024;
const OWN_BOUNDS = ['/api/org/import'];

/** A body declared larger than the API takes is refused before it is read. */
export function oversizeRefusal(request: Request, pathname: string): Response | null {
	if (!pathname.startsWith('/api/') || OWN_BOUNDS.includes(pathname)) return null;
	const declared = Number(request.headers.get('content-length') ?? 0);
	return declared > API_BODY_LIMIT_BYTES ? refusal(413, 'request.too_large') : null;
}

/** The most a refused request's body is read for: adapter-node stops at BODY_SIZE_LIMIT. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Reads what is left of a body the answer did not need (a refusal before reading it): a client
 * still sending when the answer comes sees its connection reset instead of the refusal.
 */
export async function drainBody(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed) return;
	let size = 0;
	try {
		for await (const chunk of request.body) {
			size += (chunk as Uint8Array).byteLength;
			if (size > DRAIN_LIMIT_BYTES) break;
		}
	} catch {
		// Over adapter-node's limit, or the client went away: nothing more to read.
	}
}

/** Kit's own 404 and 405 (an address or method no route has) carry no reason a client can
 * show: outside page navigation they are answered like every other refusal. */
export async function withReason(
	response: Response,
	request: Request,
	pathname: string
): Promise<Response> {
	if (response.status !== 404 && response.status !== 405) return response;
	const isNavigation = request.method === 'GET' || request.method === 'HEAD';
	if (isNavigation && !pathname.startsWith('/api/')) return response;
	const text = await response.clone().text();
	try {
		const parsed = JSON.parse(text) as { reason?: unknown };
		if (typeof parsed.reason === 'string') return response;
	} catch {
		// not JSON: Kit's own page or text
	}
	const allow = response.headers.get('allow');
	return refusal(
		response.status,
		response.status === 404 ? 'gateway.not_found' : 'gateway.method',
		allow ? { allow } : {}
	);
}

/** Adds the security headers an answer does not set itself; data is never cached. */
export function withSecurityHeaders(response: Response, pathname: string): Response {
	const headers = securityHeaders({ isProduction: isProduction() });
	for (const [name, value] of Object.entries(headers)) {
		if (name !== 'content-security-policy') response.headers.set(name, value);
	}
	// Never on a 304: the browser would put it in place of the cached page's own policy (and
	// its script hash), and the page would not run.
	if (!response.headers.has('content-security-policy') && response.status !== 304) {
		response.headers.set('content-security-policy', DEFAULT_CSP);
	}
	const isData = pathname.startsWith('/api/') || pathname === '/db' || pathname.startsWith('/db/');
	if (isData && !response.headers.has('cache-control')) {
		response.headers.set('cache-control', 'no-store');
	}
	return response;
}
