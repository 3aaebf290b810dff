// Server hygiene against the built app server and the embedded CouchDB: the security headers
// on every kind of answer (pages, 404s, the API, the gateway, the build's static files), HSTS
// in production only, writes from another site refused with a reason and nothing stored, and
// both servers listening on 127.0.0.1 alone, CouchDB giving anonymous callers nothing.
// Needs `npm run build` first.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { newId } from '../../src/lib/domain';
import { startExtraApp, type ExtraApp } from '../support/extra-app';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let production: ExtraApp;
let staticFile: string;

beforeAll(async () => {
	stack = await startStack({ households: 3 });
	production = await startExtraApp(stack, { NODE_ENV: 'production', PROGRESS_WARM: '0' });
	const entry = readdirSync('build/client/_app/immutable/entry').find((file) =>
		file.endsWith('.js')
	);
	staticFile = `/_app/immutable/entry/${entry}`;
});
afterAll(async () => {
	await production?.stop();
	await stack?.stop();
});

const PATHS = {
	page: '/',
	'another page': '/quet',
	'unknown address': '/khong-co-trang-nay',
	api: '/api/health',
	'api refusal': '/api/progress',
	gateway: '/db/ward_26956/',
	'gateway root': '/db/',
	'service worker': '/service-worker.js',
	'build file': '',
	manifest: '/manifest.webmanifest',
	icon: '/icon.svg'
};

function directives(csp: string): Map<string, string[]> {
	return new Map(
		csp
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter((words) => words[0])
			.map(([name, ...values]) => [name, values])
	);
}

describe('security headers', () => {
	it('are on every kind of answer', async () => {
		for (const [what, path] of Object.entries(PATHS)) {
			const response = await fetch(`${stack.appUrl}${path || staticFile}`);
			await response.body?.cancel();
			const headers = response.headers;
			expect(response.status, what).toBeLessThan(500);
			expect(headers.get('x-content-type-options'), what).toBe('nosniff');
			expect(headers.get('referrer-policy'), what).toBe('no-referrer');
			expect(headers.get('x-frame-options'), what).toBe('DENY');
			expect(headers.get('permissions-policy'), what).toMatch(/camera=\(self\)/);
			expect(headers.get('permissions-policy'), what).toMatch(/microphone=\(\)/);
			const csp = directives(headers.get('content-security-policy') ?? '');
			expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
			expect(csp.get('object-src'), what).toEqual(["'none'"]);
			// Not over plain HTTP outside production.
			expect(headers.get('strict-transport-security'), what).toBeNull();
			if (path.startsWith('/api/') || path.startsWith('/db/')) {
				expect(headers.get('cache-control'), what).toBe('no-store');
			}
		}
	});

	it("allow in a page no script but the build's files and Kit's hashed start-up script", async () => {
		const response = await fetch(`${stack.appUrl}/`);
		const html = await response.text();
		const csp = directives(response.headers.get('content-security-policy') ?? '');
		const scripts = csp.get('script-src') ?? [];
		expect(scripts).toContain("'self'");
		expect(scripts.join(' ')).not.toMatch(/unsafe|\*|data:|blob:|http/);
		const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
			(match) => `'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`
		);
		expect(inline.length).toBeGreaterThan(0);
		expect(scripts.filter((value) => value.startsWith("'sha256-")).sort()).toEqual(inline.sort());
		expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
		expect(csp.get('connect-src')).toEqual(["'self'"]);
		expect(csp.get('default-src')).toEqual(["'self'"]);
	});

	it("are never a policy on a 304, which the browser would put in place of the page's own", async () => {
		for (const path of ['/', staticFile]) {
			const first = await fetch(`${stack.appUrl}${path}`);
			await first.body?.cancel();
			const etag = first.headers.get('etag');
			expect(etag, path).not.toBeNull();
			const again = await fetch(`${stack.appUrl}${path}`, {
				headers: { 'if-none-match': etag ?? '' }
			});
			expect(again.status, path).toBe(304);
			expect(again.headers.get('content-security-policy'), path).toBeNull();
			expect(again.headers.get('x-content-type-options'), path).toBe('nosniff');
		}
	});

	it('add HSTS in production, on pages, the API and static files alike', async () => {
		for (const path of ['/', '/api/health', staticFile, '/service-worker.js']) {
			const response = await fetch(`${production.url}${path}`);
			await response.body?.cancel();
			expect(response.headers.get('strict-transport-security'), path).toBe(
				'max-age=31536000; includeSubDomains'
			);
		}
	});
});

describe('writes from another site', () => {
	async function signInAs(headers: Record<string, string>, contentType = 'application/json') {
		return fetch(`${stack.appUrl}/api/session`, {
			method: 'POST',
			headers: { 'content-type': contentType, ...headers },
			body: JSON.stringify({
				username: 'ctv-demo',
				password: DEMO_PASSWORD,
				device_id: 'csrf-test-01'
			})
		});
	}

	it('are refused with a reason in Vietnamese and English, and open no session', async () => {
		const attempts: Record<string, string>[] = [
			{ origin: 'https://evil.example' },
			{ 'sec-fetch-site': 'cross-site' },
			{ 'sec-fetch-site': 'same-site', origin: 'https://sub.hssk.example' }
		];
		for (const headers of attempts) {
			const response = await signInAs(headers);
			expect(response.status).toBe(403);
			const { reason } = (await response.json()) as { reason: string };
			expect(reason).toContain('trang web khác');
			expect(reason).toContain('another site');
			expect(response.headers.getSetCookie()).toEqual([]);
		}
		// Kit's own check on form posts, before any route.
		const form = await signInAs({ origin: 'https://evil.example' }, 'text/plain');
		expect(form.status).toBe(403);
	});

	it('through the gateway store nothing; the same site and clients that are not browsers pass', async () => {
		const session = await signInAs({ origin: stack.appUrl, 'sec-fetch-site': 'same-origin' });
		expect(session.status).toBe(200);
		const cookie = (session.headers.getSetCookie()[0] ?? '').split(';')[0];
		const now = new Date().toISOString();
		const doc = {
			_id: newId('household'),
			type: 'household',
			ward: '26956',
			group: '26956-01',
			address: { house_number: '3', street: 'Đường Bạch Đằng' },
			head_name: 'Phan Văn Khải',
			audit: {
				created_at: now,
				created_by: 'ctv-demo',
				updated_at: now,
				updated_by: 'ctv-demo',
				device_id: 'csrf-test-01'
			}
		};
		const push = (headers: Record<string, string>) =>
			fetch(`${stack.appUrl}/db/ward_26956/_bulk_docs`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie, ...headers },
				body: JSON.stringify({ docs: [doc] })
			});
		expect((await push({ origin: 'https://evil.example' })).status).toBe(403);
		expect(await stack.couch.getDoc('ward_26956', doc._id)).toBeNull();
		// Reads are not writes: a cross-site GET is answered (the browser keeps it from the page).
		const read = await fetch(`${stack.appUrl}/api/session`, {
			headers: { cookie, 'sec-fetch-site': 'cross-site' }
		});
		expect(read.status).toBe(200);
		expect((await push({})).status).toBe(201);
		expect(await stack.couch.getDoc('ward_26956', doc._id)).not.toBeNull();
	});
});

/** The addresses listening on a TCP port, from the kernel's tables. */
function listeningAddresses(port: number): string[] {
	const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
	const found: string[] = [];
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text = '';
		try {
			text = readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const [, local, , state] = line.trim().split(/\s+/);
			if (!local || state !== '0A') continue;
			const [address, portPart] = local.split(':');
			if (portPart !== hexPort) continue;
			found.push(address.length === 8 ? ipv4(address) : `ipv6:${address}`);
		}
	}
	return found;
}

function ipv4(hex: string): string {
	const bytes = hex.match(/../g) ?? [];
	return bytes
		.reverse()
		.map((byte) => parseInt(byte, 16))
		.join('.');
}

describe('where the servers listen', () => {
	it('CouchDB and the app server listen on 127.0.0.1 only', () => {
		for (const url of [stack.couchUrl, stack.appUrl]) {
			const addresses = listeningAddresses(Number(new URL(url).port));
			expect(addresses.length, url).toBeGreaterThan(0);
			expect(addresses, url).toEqual(addresses.map(() => '127.0.0.1'));
		}
	});

	it('CouchDB gives an anonymous caller nothing, and admin party is off', async () => {
		for (const path of [
			'/hssk_users/_all_docs',
			'/hssk_audit/_all_docs',
			'/hssk_org/_all_docs',
			'/hssk_qr/_all_docs',
			'/ward_26956/_all_docs',
			'/ward_26956/_changes',
			'/_config',
			'/_active_tasks'
		]) {
			const response = await fetch(`${stack.couchUrl}${path}`);
			expect(response.status, path).toBe(401);
			expect(await response.text(), path).not.toMatch(/"rows"|"results"/);
		}
	});

	it('production CouchDB is bound to loopback or the private network, and asks everyone to sign in', () => {
		const ini = readFileSync(join('couch', 'production', 'local.ini'), 'utf8');
		expect(ini).toMatch(/\[chttpd\][^[]*bind_address = 127\.0\.0\.1/);
		expect(ini).toMatch(/\[chttpd\][^[]*require_valid_user = true/);
		const compose = readFileSync(join('couch', 'production', 'compose.yaml'), 'utf8');
		const couchService = compose.slice(compose.indexOf('  couchdb:'), compose.indexOf('  app:'));
		expect(couchService).not.toMatch(/ports:/);
		expect(compose.slice(compose.indexOf('  app:'))).toMatch(/- '127\.0\.0\.1:3000:3000'/);
	});
});
