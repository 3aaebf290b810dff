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
