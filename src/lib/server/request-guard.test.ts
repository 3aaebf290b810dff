import { describe, expect, it } from 'vitest';
import {
	crossSiteRefusal,
	oversizeRefusal,
	withReason,
	withSecurityHeaders
} from './request-guard';

const app = new URL('https://hssk.example.vn/api/session');

function request(method: string, headers: Record<string, string> = {}) {
	return new Request(app, { method, headers });
}

describe('crossSiteRefusal', () => {
	it('refuses a write from another origin or site, in both languages', async () => {
		const attempts: Record<string, string>[] = [
			{ origin: 'https://evil.example' },
			{ origin: 'null' },
			{ 'sec-fetch-site': 'cross-site' },
			{ 'sec-fetch-site': 'same-site' }
		];
		for (const headers of attempts) {
			const refused = crossSiteRefusal(request('POST', headers), app);
			expect(refused?.status).toBe(403);
			expect(((await refused?.json()) as { reason: string }).reason).toMatch(
				/khác .* \/ .*another/
			);
		}
	});

	it('lets through the same origin, reads, and clients that name no origin', () => {
		expect(crossSiteRefusal(request('POST', { origin: app.origin }), app)).toBeNull();
		expect(
			crossSiteRefusal(request('DELETE', { 'sec-fetch-site': 'same-origin' }), app)
		).toBeNull();
		expect(crossSiteRefusal(request('GET', { origin: 'https://evil.example' }), app)).toBeNull();
		expect(crossSiteRefusal(request('PUT'), app)).toBeNull();
	});
});

describe('withSecurityHeaders', () => {
	it("keeps a page's own policy and gives the rest the default one; data is never cached", () => {
		const page = withSecurityHeaders(
			new Response('', { headers: { 'content-security-policy': "script-src 'self'" } }),
			'/'
		);
		expect(page.headers.get('content-security-policy')).toBe("script-src 'self'");
		expect(page.headers.get('cache-control')).toBeNull();
		const api = withSecurityHeaders(new Response('{}'), '/api/health');
		expect(api.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(api.headers.get('cache-control')).toBe('no-store');
		expect(api.headers.get('x-content-type-options')).toBe('nosniff');
		const notModified = withSecurityHeaders(new Response(null, { status: 304 }), '/');
		expect(notModified.headers.get('content-security-policy')).toBeNull();
	});
});

describe('oversizeRefusal', () => {
	it('refuses an API body declared over 1 MB, and leaves the org import and gateway to their own bounds', () => {
		const big = (path: string) =>
			new Request(new URL(path, app), {
				method: 'POST',
				headers: { 'content-length': String(2 * 1024 * 1024) }
			});
		expect(oversizeRefusal(big('/api/session'), '/api/session')?.status).toBe(413);
		expect(oversizeRefusal(big('/api/org/import'), '/api/org/import')).toBeNull();
		expect(
			oversizeRefusal(big('/db/ward_26956/_bulk_docs'), '/db/ward_26956/_bulk_docs')
		).toBeNull();
	});
});

describe('withReason', () => {
	it("answers Kit's reasonless 404 and 405 with a bilingual refusal, outside page navigation", async () => {
		const kit405 = new Response('POST method not allowed', {
			status: 405,
			headers: { allow: 'GET' }
		});
		const answered = await withReason(kit405, request('POST'), '/api/health');
		expect(answered.status).toBe(405);
		expect(answered.headers.get('allow')).toBe('GET');
		expect(((await answered.json()) as { reason: string }).reason).toContain(' / ');
		const page = new Response('<!doctype html>', { status: 404 });
		expect(await withReason(page, request('GET'), '/khong-co')).toBe(page);
		const own = new Response(JSON.stringify({ error: 'not_found', reason: 'A / B' }), {
			status: 404
		});
		expect(await withReason(own, request('POST'), '/api/qr/household')).toBe(own);
	});
});
