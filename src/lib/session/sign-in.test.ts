// Sign-in against a local HTTP server that answers as architecture.md's `/api/session`
// contract says, so real fetch, real timeouts and a real refused connection are exercised.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/domain';
import { createVerifier, MIN_PBKDF2_ITERATIONS } from './password-verifier';
import { memoryStore } from './memory-store.test-support';
import { readAccount, readCurrentSession } from './saved-accounts';
import { checkServerSession, signIn, signOut, type SessionDeps } from './sign-in';

const USER: SessionUser = {
	username: 'ctv-demo',
	display_name: 'Nguyễn Thị Ánh',
	role: 'collaborator',
	org_units: ['26956-01'],
	ward: { code: '26956', name: 'Phường 27', database: 'ward_26956', cadence_months: 6 },
	groups: [{ code: '26956-01', name: 'Tổ dân phố 1' }]
};
const PASSWORD = 'đúng-mật-khẩu';

type Mode = 'normal' | 'down' | 'hang' | 'throttle';
let mode: Mode = 'normal';
let server: Server;
let base: string;
const seen: { method: string; body: unknown }[] = [];

async function bodyOf(request: IncomingMessage): Promise<unknown> {
	let text = '';
	for await (const chunk of request) text += chunk;
	return text ? JSON.parse(text) : null;
}

function answer(response: ServerResponse, status: number, body?: unknown) {
	response.writeHead(status, { 'content-type': 'application/json' });
	response.end(body === undefined ? undefined : JSON.stringify(body));
}

beforeAll(async () => {
	server = createServer(async (request, response) => {
		const body = await bodyOf(request);
		seen.push({ method: request.method ?? '', body });
		if (mode === 'hang') return;
		if (mode === 'down') return answer(response, 503, { error: 'couchdb_unavailable' });
		if (mode === 'throttle') return answer(response, 429, { error: 'throttled' });
		if (request.method === 'POST') {
			const { username, password } = body as { username: string; password: string };
			if (username === USER.username && password === PASSWORD) {
				return answer(response, 200, { user: USER });
			}
			return answer(response, 401, {
				error: 'unauthorized',
				reason: 'Sai tên đăng nhập hoặc mật khẩu / Wrong username or password'
			});
		}
		if (request.method === 'GET') return answer(response, 200, { user: USER });
		if (request.method === 'DELETE') return answer(response, 204);
		answer(response, 405);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

let store: ReturnType<typeof memoryStore>;
beforeEach(() => {
	mode = 'normal';
	seen.length = 0;
	store = memoryStore();
});

function deps(overrides: Partial<SessionDeps> = {}): SessionDeps {
	return {
		fetch: (input, init) => fetch(new URL(String(input), base), init),
		store,
		deviceId: 'device-1234-abcd',
		isOnline: true,
		timeoutMs: 500,
		makeVerifier: (password) => createVerifier(password, MIN_PBKDF2_ITERATIONS),
		...overrides
	};
}

describe('online sign-in', () => {
	it('sends the device id, keeps the user and a verifier, never the password', async () => {
		const outcome = await signIn({ username: ' CTV-Demo ', password: PASSWORD }, deps());
		expect(outcome).toEqual({ ok: true, user: USER, mode: 'online' });
		expect(seen[0].body).toEqual({
			username: 'ctv-demo',
			password: PASSWORD,
			device_id: 'device-1234-abcd'
		});
		expect(readCurrentSession(store)).toEqual({ user: USER, mode: 'online' });
		expect(readAccount(store, 'ctv-demo')?.verifier?.algorithm).toBe('PBKDF2-SHA256');
		expect([...store.entries.values()].join('')).not.toContain(PASSWORD);
	});

	it('refuses a wrong password with the server reason and forgets the saved account', async () => {
		await signIn({ username: 'ctv-demo', password: PASSWORD }, deps());
		const outcome = await signIn({ username: 'ctv-demo', password: 'wrong' }, deps());
		expect(outcome).toMatchObject({ ok: false, failure: 'wrong' });
		expect(outcome.ok || outcome.detail).toContain('Wrong username or password');
		expect(readAccount(store, 'ctv-demo')).toBeNull();
		expect(
			await signIn({ username: 'ctv-demo', password: PASSWORD }, deps({ isOnline: false }))
		).toMatchObject({ ok: false, failure: 'offline_unknown' });
	});

	it('reports throttling and does not fall back to the device', async () => {
		await signIn({ username: 'ctv-demo', password: PASSWORD }, deps());
		mode = 'throttle';
		expect(await signIn({ username: 'ctv-demo', password: PASSWORD }, deps())).toEqual({
			ok: false,
			failure: 'throttled'
		});
	});

	it('asks for both fields before calling anyone', async () => {
		expect(await signIn({ username: ' ', password: 'x' }, deps())).toMatchObject({
			failure: 'username_required'
		});
		expect(await signIn({ username: 'a', password: '' }, deps())).toMatchObject({
			failure: 'password_required'
		});
		expect(seen).toHaveLength(0);
	});
});

describe('offline sign-in', () => {
	beforeEach(async () => {
		await signIn({ username: 'ctv-demo', password: PASSWORD }, deps());
		store.removeItem('hssk_session');
		seen.length = 0;
	});

	it('signs the same user in with no network and refuses a wrong password', async () => {
		const offline = deps({ isOnline: false });
		expect(await signIn({ username: 'ctv-demo', password: 'nope' }, offline)).toMatchObject({
			ok: false,
			failure: 'offline_wrong'
		});
		expect(readCurrentSession(store)).toBeNull();
		expect(await signIn({ username: 'ctv-demo', password: PASSWORD }, offline)).toEqual({
			ok: true,
			user: USER,
			mode: 'offline'
		});
		expect(readCurrentSession(store)).toEqual({ user: USER, mode: 'offline' });
		expect(seen).toHaveLength(0);
	});

	it('falls back to the device when the server is down, unreachable or silent', async () => {
		mode = 'down';
		expect(await signIn({ username: 'ctv-demo', password: PASSWORD }, deps())).toMatchObject({
			ok: true,
			mode: 'offline'
		});
		const closedPort = deps({
			fetch: (input, init) => fetch(new URL(String(input), 'http://127.0.0.1:9'), init)
		});
		expect(await signIn({ username: 'ctv-demo', password: PASSWORD }, closedPort)).toMatchObject({
			ok: true,
			mode: 'offline'
		});
		mode = 'hang';
		const started = Date.now();
		expect(await signIn({ username: 'ctv-demo', password: 'bad' }, deps())).toMatchObject({
			ok: false,
			failure: 'offline_wrong'
		});
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it('cannot sign in offline an account that never signed in on this device', async () => {
		expect(
			await signIn({ username: 'ctv-demo-2', password: PASSWORD }, deps({ isOnline: false }))
		).toEqual({ ok: false, failure: 'offline_unknown' });
	});
});

describe('sign-out and the server session', () => {
	it('clears the session at once and tells the server', async () => {
		await signIn({ username: 'ctv-demo', password: PASSWORD }, deps());
		await signOut(deps());
		expect(readCurrentSession(store)).toBeNull();
		expect(seen.at(-1)?.method).toBe('DELETE');
		expect(readAccount(store, 'ctv-demo')).not.toBeNull();
	});

	it('knows whether the server holds a session for this very user', async () => {
		await signIn({ username: 'ctv-demo', password: PASSWORD }, deps());
		expect(await checkServerSession('ctv-demo', deps())).toBe('valid');
		expect(await checkServerSession('ctv-demo-2', deps())).toBe('missing');
		mode = 'down';
		expect(await checkServerSession('ctv-demo', deps())).toBe('unknown');
	});
});
