// Sign-in, the session cookie, sign-out, throttling and HTTP Basic on the gateway, against the
// built app server and an embedded CouchDB. Needs `npm run build` first.

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../couch/embedded';
import { DEMO_PASSWORD, DEMO_WARD_CODE } from '../../couch/seed/demo';
import type { SessionUser } from '../../src/lib/domain';
import { startExtraApp, type ExtraApp } from '../support/extra-app';
import { startStack, type Stack } from '../support/stack';

const DEVICE_ID = 'session-test-device-1';
let stack: Stack;

beforeAll(async () => {
	stack = await startStack({ households: 10 });
});
afterAll(async () => {
	await stack?.stop();
});

function signInRequest(username: string, password: string, appUrl = stack.appUrl) {
	return fetch(`${appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password, device_id: DEVICE_ID })
	});
}

function sessionCookie(response: Response): { pair: string; attributes: string } {
	const header = response.headers.getSetCookie().find((line) => line.startsWith('hssk_session='));
	if (!header) throw new Error('no session cookie set');
	return { pair: header.split(';')[0], attributes: header };
}

function basic(username: string, password: string): string {
	return 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');
}

describe('POST /api/session', () => {
	it('signs a collaborator in with an httpOnly cookie and describes their ward and group', async () => {
		const response = await signInRequest('ctv-demo', DEMO_PASSWORD);
		expect(response.status).toBe(200);
		const { user } = (await response.json()) as { user: SessionUser };
		expect(user.username).toBe('ctv-demo');
		expect(user.role).toBe('collaborator');
		expect(user.ward?.code).toBe(DEMO_WARD_CODE);
		expect(user.ward?.database).toBe(`ward_${DEMO_WARD_CODE}`);
		expect(user.groups.map((group) => group.code)).toEqual(['26956-01']);

		const cookie = sessionCookie(response);
		expect(cookie.attributes).toMatch(/HttpOnly/i);
		expect(cookie.attributes).toMatch(/SameSite=Lax/i);
		expect(cookie.attributes).toMatch(/Max-Age=2592000/);
		// Not Secure outside production: the test stack speaks plain HTTP.
		expect(cookie.attributes).not.toMatch(/Secure/i);

		const token = cookie.pair.slice('hssk_session='.length);
		const hash = createHash('sha256').update(token).digest('hex');
		const stored = await stack.couch.getDoc<Record<string, string>>(
			'hssk_users',
			`session:${hash}`
		);
		expect(stored?.username).toBe('ctv-demo');
		expect(stored?.device_id).toBe(DEVICE_ID);
		expect(Date.parse(stored?.expires_at ?? '') - Date.now()).toBeGreaterThan(29 * 86_400_000);
		// The token itself is never stored.
		expect(JSON.stringify(stored)).not.toContain(token);

		const current = await fetch(`${stack.appUrl}/api/session`, {
			headers: { cookie: cookie.pair }
		});
		expect(current.status).toBe(200);
		const body = (await current.json()) as { user: SessionUser };
		expect(body.user.ward?.code).toBe(DEMO_WARD_CODE);
		expect(body.user.groups.map((group) => group.code)).toEqual(['26956-01']);
	});

	it('describes ward staff with every group of the ward', async () => {
		const response = await signInRequest('ward-demo', DEMO_PASSWORD);
		expect(response.status).toBe(200);
		const { user } = (await response.json()) as { user: SessionUser };
		expect(user.role).toBe('ward_staff');
		expect(user.groups.length).toBe(12);
	});

	it('refuses a wrong password with 401 and a Vietnamese reason', async () => {
		const response = await signInRequest('ctv-demo', 'not-the-password');
		expect(response.status).toBe(401);
		const body = (await response.json()) as { error: string; reason: string };
		expect(body.reason).toContain('Sai tên đăng nhập hoặc mật khẩu');
		expect(body.reason).toContain('Wrong username or password');
		expect(response.headers.getSetCookie()).toEqual([]);
	});

	it('answers an unknown user exactly like a wrong password', async () => {
		const response = await signInRequest('nobody-here', 'whatever');
		expect(response.status).toBe(401);
		expect(((await response.json()) as { reason: string }).reason).toContain('Sai tên đăng nhập');
	});

	it('refuses a malformed sign-in with 400', async () => {
		const response = await fetch(`${stack.appUrl}/api/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username: 'ctv-demo', password: DEMO_PASSWORD, device_id: '!' })
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as { reason: string }).reason).toContain('Mã không hợp lệ');
	});
});

describe('sign-out', () => {
	it('revokes the session for the API and the gateway alike', async () => {
		const signIn = await signInRequest('ctv-demo-2', DEMO_PASSWORD);
		const { pair } = sessionCookie(signIn);
		const before = await fetch(`${stack.appUrl}/db/ward_26956/_changes?limit=1`, {
			headers: { cookie: pair }
		});
		expect(before.status).toBe(200);

		const signOut = await fetch(`${stack.appUrl}/api/session`, {
			method: 'DELETE',
			headers: { cookie: pair }
		});
		expect(signOut.status).toBe(204);
		expect(signOut.headers.getSetCookie().join()).toMatch(/hssk_session=;/);

		const session = await fetch(`${stack.appUrl}/api/session`, { headers: { cookie: pair } });
		expect(session.status).toBe(401);
		const gateway = await fetch(`${stack.appUrl}/db/ward_26956/_changes?limit=1`, {
			headers: { cookie: pair }
		});
		expect(gateway.status).toBe(401);
		const token = pair.slice('hssk_session='.length);
		const hash = createHash('sha256').update(token).digest('hex');
		expect(await stack.couch.getDoc('hssk_users', `session:${hash}`)).toBeNull();
	});
});

describe('HTTP Basic on the gateway', () => {
	it('lets stock clients in with Basic credentials, and refuses wrong ones', async () => {
		const good = await fetch(`${stack.appUrl}/db/ward_26956/`, {
			headers: { authorization: basic('ctv-demo', DEMO_PASSWORD) }
		});
		expect(good.status).toBe(200);
		expect(((await good.json()) as { db_name: string }).db_name).toBe('ward_26956');

		// The second request is served from the verified-pair cache: it must answer the same.
		const again = await fetch(`${stack.appUrl}/db/ward_26956/_changes?limit=1`, {
			headers: { authorization: basic('ctv-demo', DEMO_PASSWORD) }
		});
		expect(again.status).toBe(200);

		const bad = await fetch(`${stack.appUrl}/db/ward_26956/`, {
			headers: { authorization: basic('ctv-demo', 'wrong-password') }
		});
		expect(bad.status).toBe(401);
		expect(((await bad.json()) as { reason: string }).reason).toContain('Sai tên đăng nhập');
		// No browser login dialog for the app's own sync requests.
		expect(bad.headers.get('www-authenticate')).toBeNull();

		const none = await fetch(`${stack.appUrl}/db/ward_26956/`);
		expect(none.status).toBe(401);
	});
});

describe('throttling', () => {
	it('answers 429 with Retry-After after repeated failures, even to the right password', async () => {
		for (let attempt = 0; attempt < 5; attempt++) {
			const response = await signInRequest('city-demo', `wrong-${attempt}`);
			expect(response.status).toBe(401);
		}
		const throttled = await signInRequest('city-demo', DEMO_PASSWORD);
		expect(throttled.status).toBe(429);
		expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
		const body = (await throttled.json()) as { reason: string };
		expect(body.reason).toContain('Đăng nhập sai quá nhiều lần');
		expect(body.reason).toContain('Too many failed sign-ins');

		// The gateway's Basic auth counts against the same throttle.
		const viaBasic = await fetch(`${stack.appUrl}/db/ward_26956/`, {
			headers: { authorization: basic('city-demo', DEMO_PASSWORD) }
		});
		expect(viaBasic.status).toBe(429);
		// Other accounts are not locked out by one account's failures.
		expect((await signInRequest('ward-demo', DEMO_PASSWORD)).status).toBe(200);
	});
});

describe('in production', () => {
	let app: ExtraApp | undefined;
	beforeAll(async () => {
		app = await startExtraApp(stack, { NODE_ENV: 'production' });
	});
	afterAll(async () => {
		await app?.stop();
	});

	it('refuses the public demo password with 403 and a bilingual reason', async () => {
		const appUrl = app?.url ?? '';
		const response = await signInRequest('ward-demo', DEMO_PASSWORD, appUrl);
		expect(response.status).toBe(403);
		const body = (await response.json()) as { reason: string };
		expect(body.reason).toContain('mật khẩu demo công khai');
		expect(body.reason).toContain('public demo password');
		expect(response.headers.getSetCookie()).toEqual([]);
		const viaBasic = await fetch(`${appUrl}/db/ward_26956/`, {
			headers: { authorization: basic('ward-demo', DEMO_PASSWORD) }
		});
		expect(viaBasic.status).toBe(403);
	});
});

describe('without CouchDB', () => {
	let app: ExtraApp | undefined;
	beforeAll(async () => {
		// Nothing listens on a port that was just free.
		app = await startExtraApp(stack, { COUCHDB_URL: `http://127.0.0.1:${await freePort()}` });
	});
	afterAll(async () => {
		await app?.stop();
	});

	it('reports unhealthy and answers 503, so devices fall back to signing in offline', async () => {
		const appUrl = app?.url ?? '';
		const health = await fetch(`${appUrl}/api/health`);
		expect(health.status).toBe(503);
		expect(await health.json()).toEqual({ status: 'unavailable', couchdb: 'unreachable' });
		expect((await signInRequest('ctv-demo', DEMO_PASSWORD, appUrl)).status).toBe(503);
		const gateway = await fetch(`${appUrl}/db/ward_26956/`, {
			headers: { authorization: basic('ctv-demo', DEMO_PASSWORD) }
		});
		expect(gateway.status).toBe(503);
	});
});
