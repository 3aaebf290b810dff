// The security headers every answer of the app server carries: pages (whose own CSP comes
// from Kit's `csp` setting in vite.config.ts, with the hash of Kit's one inline script), the
// API, the sync gateway, and the build's static files. Plain JavaScript, because the
// production entry (server/index.js) reads it as it is, outside the build.

/** A page may use the camera (the QR scanner) and nothing else a phone has. The app is one
 * page that navigates on the device, so the camera cannot be allowed for one route only. */
const PERMISSIONS_POLICY = [
	'camera=(self)',
	'microphone=()',
	'geolocation=()',
	'payment=()',
	'usb=()',
	'serial=()',
	'bluetooth=()',
	'midi=()',
	'display-capture=()'
].join(', ');

/** For every answer that is not a page: nothing of it may be framed, run or loaded elsewhere. */
export const DEFAULT_CSP =
	"default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'";

/** One year, subdomains too: the app is only ever served over TLS in production. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * @param {{ isProduction: boolean }} options
 * @returns {Record<string, string>}
 */
export function securityHeaders({ isProduction }) {
	return {
		'content-security-policy': DEFAULT_CSP,
		'x-content-type-options': 'nosniff',
		// Claim links carry a household's token in the path: no address is ever sent onwards.
		'referrer-policy': 'no-referrer',
		'x-frame-options': 'DENY',
		'cross-origin-opener-policy': 'same-origin',
		'cross-origin-resource-policy': 'same-origin',
		'permissions-policy': PERMISSIONS_POLICY,
		...(isProduction ? { 'strict-transport-security': HSTS } : {})
	};
}
