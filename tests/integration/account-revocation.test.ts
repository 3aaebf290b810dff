// Sessions end when they should, in every app server at once: an expired session is refused
// and removed, disabling or resetting an account refuses its sessions and its Basic header on
// the next request (here and in a second app server on the same CouchDB), enabling it again
// revives none of them, a longpoll waiting when the account is disabled answers nothing, and a
// production start with a published secret does not start. Needs `npm run build` first.

import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { newId } from '../../src/lib/domain';
import { startExtraApp, startRefusedApp, type ExtraApp } from '../support/extra-app';
import { startStack, type Stack } from '../support/stack';

const WARD_DATABASE = 'ward_26956';
const GROUP = '26956-03';
let stack: Stack;
let other: ExtraApp;
let staff: string;

beforeAll(async () => {
	stack = await startStack({ households: 10 });
	other = await startExtraApp(stack, { NODE_ENV: 'test', PROGRESS_WARM: '0' });
	staff = cookieOf(await signIn(stack.appUrl, 'ward-demo', DEMO_PASSWORD));
});
afterAll(async () => {
	await other?.stop();
	await stack?.stop();
});

function signIn(appUrl: string, username: string, password: string): Promise<Response> {
	return fetch(`${appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password, device_id: 'revocation-phone-1' })
	});
}

function cookieOf(response: Response): string {
	const line = response.headers.getSetCookie().find((header) => header.startsWith('hssk_session='));
	if (!line) throw new Error(`no session cookie (status ${response.status})`);
	return line.split(';')[0];
}

function basic(username: string, password: string): string {
	return 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');
}

function changes(appUrl: string, headers: Record<string, string>, query = 'limit=1') {
	return fetch(`${appUrl}/db/${WARD_DATABASE}/_changes?${query}`, { headers });
}

async function staffChange(username: string, action: string): Promise<Response> {
	const response = await fetch(`${stack.appUrl}/api/ward/collaborators`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json', cookie: staff },
		body: JSON.stringify({ username, action })
	});
	expect(response.status).toBe(200);
	return response;
}

/** A new collaborator of GROUP, with the password ward staff were given for them. */
async function newCollaborator(username: string): Promise<string> {
	const response = await fetch(`${stack.appUrl}/api/ward/collaborators`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: staff },
		body: JSON.stringify({ username, display_name: 'Lê Thị Mai', groups: [GROUP] })
	});
	expect(response.status).toBe(201);
	return ((await response.json()) as { password: string }).password;
}

/** Polls until the answer's status is `status`; how long it took, or null past the bound. */
async function msUntilStatus(ask: () => Promise<Response>, status: number, boundMs: number) {
	const started = performance.now();
	while (performance.now() - started < boundMs) {
		const response = await ask();
		await response.body?.cancel();
		if (response.status === status) return Math.round(performance.now() - started);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	return null;
}

describe('expiry', () => {
	it('refuses an expired session and removes it', async () => {
		const token = randomBytes(32).toString('base64url');
		const id = `session:${createHash('sha256').update(token).digest('hex')}`;
		await stack.couch.json(`hssk_users/${encodeURIComponent(id)}`, {
			method: 'PUT',
			body: {
				type: 'session',
				username: 'ctv-demo',
				device_id: 'old-phone-0001',
				created_at: new Date(Date.now() - 31 * 86_400_000).toISOString(),
				expires_at: new Date(Date.now() - 86_400_000).toISOString()
			}
		});
		const cookie = `hssk_session=${token}`;
		expect((await fetch(`${stack.appUrl}/api/session`, { headers: { cookie } })).status).toBe(401);
		expect((await changes(stack.appUrl, { cookie })).status).toBe(401);
		expect(await stack.couch.getDoc('hssk_users', id)).toBeNull();
	});
});

describe('disabling an account', () => {
	it('refuses its sessions and Basic header on the next request, in both app servers', async () => {
		const password = await newCollaborator('ctv-revoke-1');
		const here = cookieOf(await signIn(stack.appUrl, 'ctv-revoke-1', password));
		const there = cookieOf(await signIn(other.url, 'ctv-revoke-1', password));
		const auth = basic('ctv-revoke-1', password);
		// Each server has now cached the account, the sessions and the verified Basic pair.
		for (const [url, headers] of [
			[stack.appUrl, { cookie: here }],
			[other.url, { cookie: there }],
			[other.url, { cookie: here }],
			[stack.appUrl, { authorization: auth }],
			[other.url, { authorization: auth }]
		] as const) {
			expect((await changes(url, headers)).status).toBe(200);
		}

		await staffChange('ctv-revoke-1', 'disable');
		// The server that made the change refuses at once.
		expect((await changes(stack.appUrl, { cookie: here })).status).toBe(401);
		expect((await changes(stack.appUrl, { authorization: auth })).status).toBe(403);
		// The phone asks its session and learns the account was closed, so it deletes its records.
		const asked = await fetch(`${stack.appUrl}/api/session`, { headers: { cookie: here } });
		expect(asked.status).toBe(403);
		expect(((await asked.json()) as { key?: string }).key).toBe('auth.disabled');
		// The other learns it from hssk_users' changes feed, well before its cache would expire.
		const sessionMs = await msUntilStatus(() => changes(other.url, { cookie: there }), 401, 5_000);
		const basicMs = await msUntilStatus(
			() => changes(other.url, { authorization: auth }),
			403,
			5_000
		);
		expect(sessionMs).not.toBeNull();
		expect(basicMs).not.toBeNull();
		console.log(
			`second app server refused the disabled account after ${sessionMs} ms / ${basicMs} ms`
		);

		// Enabled again, the old sessions stay ended; a new sign-in works.
		await staffChange('ctv-revoke-1', 'enable');
		expect((await changes(stack.appUrl, { cookie: here })).status).toBe(401);
		expect(await msUntilStatus(() => changes(other.url, { cookie: there }), 200, 1_500)).toBeNull();
		// Enabled again, an old session is only ended, not a closed account: nothing is wiped.
		expect((await fetch(`${stack.appUrl}/api/session`, { headers: { cookie: here } })).status).toBe(
			401
		);
		const fresh = cookieOf(await signIn(stack.appUrl, 'ctv-revoke-1', password));
		expect((await changes(stack.appUrl, { cookie: fresh })).status).toBe(200);
	});

	it('ends a longpoll that is waiting: the change written after is not sent', async () => {
		const password = await newCollaborator('ctv-revoke-2');
		const cookie = cookieOf(await signIn(stack.appUrl, 'ctv-revoke-2', password));
		const head = (await (await changes(stack.appUrl, { cookie }, 'since=now')).json()) as {
			last_seq: string | number;
		};
		const waiting = changes(
			stack.appUrl,
			{ cookie },
			`feed=longpoll&timeout=20000&include_docs=true&since=${encodeURIComponent(String(head.last_seq))}`
		);
		await new Promise((resolve) => setTimeout(resolve, 300));
		await staffChange('ctv-revoke-2', 'disable');
		const now = new Date().toISOString();
		const household = {
			_id: newId('household'),
			type: 'household',
			ward: '26956',
			group: GROUP,
			address: { house_number: '9', street: 'Đường Xô Viết Nghệ Tĩnh' },
			head_name: 'Ngô Văn Tâm',
			audit: {
				created_at: now,
				created_by: 'ward-demo',
				updated_at: now,
				updated_by: 'ward-demo',
				device_id: 'ward-office-0001'
			}
		};
		await stack.couch.json(`${WARD_DATABASE}/${household._id}`, { method: 'PUT', body: household });
		const page = (await (await waiting).json()) as { results: { id: string }[] };
		expect(page.results).toEqual([]);
		expect((await changes(stack.appUrl, { cookie })).status).toBe(401);
	});
});

describe('resetting a password', () => {
	it('ends the sessions and stops the old password over Basic at once, in both servers', async () => {
		const password = await newCollaborator('ctv-revoke-3');
		const cookie = cookieOf(await signIn(stack.appUrl, 'ctv-revoke-3', password));
		const auth = basic('ctv-revoke-3', password);
		expect((await changes(stack.appUrl, { authorization: auth })).status).toBe(200);
		expect((await changes(other.url, { authorization: auth })).status).toBe(200);

		const reset = await staffChange('ctv-revoke-3', 'reset_password');
		const { password: fresh } = (await reset.json()) as { password: string };
		expect((await changes(stack.appUrl, { cookie })).status).toBe(401);
		expect((await changes(stack.appUrl, { authorization: auth })).status).toBe(401);
		expect(
			await msUntilStatus(() => changes(other.url, { authorization: auth }), 401, 5_000)
		).not.toBeNull();
		const freshAuth = basic('ctv-revoke-3', fresh);
		expect((await changes(other.url, { authorization: freshAuth })).status).toBe(200);
	});
});

describe('a production start', () => {
	it('refuses to start with the example password or without an origin', async () => {
		for (const env of [
			{ COUCHDB_PASSWORD: 'replace-with-a-long-random-password' },
			{ ORIGIN: undefined }
		]) {
			const { code, output } = await startRefusedApp(stack, { NODE_ENV: 'production', ...env });
			expect(code).not.toBe(0);
			expect(code).not.toBeNull();
			expect(output).toContain('Refusing to start in production');
		}
	});
});
