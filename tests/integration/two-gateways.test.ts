// Two app servers on one CouchDB, as behind a load balancer with no sticky sessions: what one
// does, the other honours on the very next request. A session made on A works on B; a
// declaration pushed on A is pulled on B; a live feed waiting on B hears of a write on A; an
// account disabled on A, a password reset on A and a sign-out on A are refused on B; a group
// added on A is listed on B. Needs `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { newId } from '../../src/lib/domain';
import { startStack, type SecondApp, type Stack } from '../support/stack';
import { staffCookie, WARD_DATABASE } from '../support/ward';

const GROUP = '26956-01';
let stack: Stack;
let b: SecondApp;
let staff: string;

type Person = { _id: string; household: string; group: string };
type ChangesAnswer = { results: { id: string }[]; last_seq: string | number };

beforeAll(async () => {
	stack = await startStack({ households: 12 });
	b = await stack.startSecondApp({ PROGRESS_WARM: '0' });
	staff = await staffCookie(stack);
});
afterAll(async () => {
	await stack?.stop();
});

async function signIn(appUrl: string, username: string, password = DEMO_PASSWORD) {
	const response = await fetch(`${appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password, device_id: 'two-gateways-phone' })
	});
	expect(response.status).toBe(200);
	const line = response.headers.getSetCookie().find((header) => header.startsWith('hssk_session='));
	if (!line) throw new Error('no session cookie');
	return line.split(';')[0];
}

function basic(username: string, password: string): string {
	return 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');
}

async function statusOf(url: string, headers: Record<string, string>): Promise<number> {
	const response = await fetch(url, { headers });
	await response.body?.cancel();
	return response.status;
}

async function personOf(group: string): Promise<Person> {
	const { rows } = await stack.couch.json<{ rows: { doc?: Person }[] }>(
		`${WARD_DATABASE}/_all_docs`,
		{ query: { include_docs: true, startkey: '"person:"', endkey: '"person:\ufff0"' } }
	);
	const person = rows.map((row) => row.doc).find((doc) => doc?.group === group);
	if (!person) throw new Error(`no person in ${group}`);
	return person;
}

function declarationFor(person: Person, username: string): Record<string, unknown> {
	const at = new Date().toISOString();
	return {
		_id: newId('declaration'),
		type: 'declaration',
		ward: '26956',
		group: person.group,
		person: person._id,
		household: person.household,
		declared_at: at,
		declared_by: username,
		role: 'collaborator',
		channel: 'door_to_door',
		health: { systolic: 118, diastolic: 76 },
		consent: {
			text_version: 0,
			given_at: at,
			given_by: person._id,
			mode: 'oral',
			recorded_by: username,
			device_id: 'two-gateways-phone'
		},
		audit: {
			created_at: at,
			created_by: username,
			updated_at: at,
			updated_by: username,
			device_id: 'two-gateways-phone'
		}
	};
}

async function push(appUrl: string, cookie: string, doc: Record<string, unknown>) {
	const response = await fetch(`${appUrl}/db/${WARD_DATABASE}/_bulk_docs`, {
		method: 'POST',
		headers: { cookie, 'content-type': 'application/json' },
		body: JSON.stringify({ docs: [doc] })
	});
	expect(response.status).toBe(201);
	expect(await response.json()).toMatchObject([{ ok: true, id: doc._id }]);
}

async function feedHead(appUrl: string, cookie: string): Promise<string> {
	const response = await fetch(`${appUrl}/db/${WARD_DATABASE}/_changes?since=now&limit=1`, {
		headers: { cookie }
	});
	const { last_seq } = (await response.json()) as ChangesAnswer;
	return String(last_seq);
}

async function staffChange(appUrl: string, body: Record<string, unknown>): Promise<void> {
	const response = await fetch(`${appUrl}/api/ward/collaborators`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json', cookie: staff },
		body: JSON.stringify(body)
	});
	expect(response.status).toBe(200);
	await response.body?.cancel();
}

describe('two app servers on one CouchDB', () => {
	it('honours on B a session made on A', async () => {
		const cookie = await signIn(stack.appUrl, 'ctv-demo');
		const response = await fetch(`${b.url}/api/session`, { headers: { cookie } });
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ user: { username: 'ctv-demo' } });
	});

	it('pulls on B a declaration pushed on A', async () => {
		const cookie = await signIn(stack.appUrl, 'ctv-demo');
		const since = await feedHead(b.url, cookie);
		const doc = declarationFor(await personOf(GROUP), 'ctv-demo');
		await push(stack.appUrl, cookie, doc);
		const response = await fetch(
			`${b.url}/db/${WARD_DATABASE}/_changes?include_docs=true&since=${encodeURIComponent(since)}`,
			{ headers: { cookie } }
		);
		const { results } = (await response.json()) as ChangesAnswer;
		expect(results.map((row) => row.id)).toContain(doc._id);
	});

	it('wakes a live feed waiting on B when A writes', async () => {
		const cookie = await signIn(b.url, 'ctv-demo');
		const since = await feedHead(b.url, cookie);
		const started = performance.now();
		const waiting = fetch(
			`${b.url}/db/${WARD_DATABASE}/_changes?feed=longpoll&timeout=20000&since=${encodeURIComponent(since)}`,
			{ headers: { cookie } }
		).then(async (response) => ({
			status: response.status,
			answer: (await response.json()) as ChangesAnswer,
			ms: performance.now() - started
		}));
		// The feed is waiting on B before A writes.
		await new Promise((resolve) => setTimeout(resolve, 500));
		const doc = declarationFor(await personOf(GROUP), 'ctv-demo');
		await push(stack.appUrl, cookie, doc);
		const { status, answer, ms } = await waiting;
		expect(status).toBe(200);
		expect(answer.results.map((row) => row.id)).toContain(doc._id);
		// Heard from CouchDB's feed, not found by the watcher's renewal (every 10 s) or the timeout.
		expect(ms).toBeLessThan(5_000);
	});

	it('refuses on B, at once, an account disabled on A, and serves it again once enabled', async () => {
		const cookie = await signIn(b.url, 'ctv-demo-2');
		const auth = basic('ctv-demo-2', DEMO_PASSWORD);
		const feed = `${b.url}/db/${WARD_DATABASE}/_changes?limit=1`;
		// B has the account and the Basic pair in its caches.
		expect(await statusOf(feed, { cookie })).toBe(200);
		expect(await statusOf(feed, { authorization: auth })).toBe(200);

		await staffChange(stack.appUrl, { username: 'ctv-demo-2', action: 'disable' });
		expect(await statusOf(feed, { cookie })).toBe(401);
		expect(await statusOf(feed, { authorization: auth })).toBe(403);

		await staffChange(stack.appUrl, { username: 'ctv-demo-2', action: 'enable' });
		// Disabling ended the session for good; a new sign-in on B works.
		expect(await statusOf(feed, { cookie })).toBe(401);
		expect(await statusOf(feed, { cookie: await signIn(b.url, 'ctv-demo-2') })).toBe(200);
	});

	it('refuses on B the old password of an account reset on A', async () => {
		const auth = basic('ctv-demo-2', DEMO_PASSWORD);
		const feed = `${b.url}/db/${WARD_DATABASE}/_changes?limit=1`;
		expect(await statusOf(feed, { authorization: auth })).toBe(200);
		const response = await fetch(`${stack.appUrl}/api/ward/collaborators`, {
			method: 'PATCH',
			headers: { 'content-type': 'application/json', cookie: staff },
			body: JSON.stringify({ username: 'ctv-demo-2', action: 'reset_password' })
		});
		expect(response.status).toBe(200);
		const { password } = (await response.json()) as { password: string };
		expect(await statusOf(feed, { authorization: auth })).toBe(401);
		expect(await statusOf(feed, { authorization: basic('ctv-demo-2', password) })).toBe(200);
	});

	it('refuses on B a cookie signed out on A, on the very next request, every time', async () => {
		const feed = `${b.url}/db/${WARD_DATABASE}/_changes?limit=1`;
		// A race with CouchDB's feed, run several times: one run alone could win it by luck.
		for (let round = 0; round < 8; round++) {
			const cookie = await signIn(b.url, 'ctv-demo');
			expect(await statusOf(feed, { cookie })).toBe(200);
			const out = await fetch(`${stack.appUrl}/api/session`, {
				method: 'DELETE',
				headers: { cookie }
			});
			expect(out.status).toBe(204);
			expect(await statusOf(feed, { cookie })).toBe(401);
		}
	});

	it('lists on B a group added on A', async () => {
		const list = async () => {
			const response = await fetch(`${b.url}/api/ward/groups`, { headers: { cookie: staff } });
			expect(response.status).toBe(200);
			const { groups } = (await response.json()) as { groups: { code: string; name: string }[] };
			return groups.map((group) => group.name);
		};
		// B has read the ward's groups before the change.
		expect(await list()).not.toContain('Tổ dân phố mới (hai máy chủ)');
		const response = await fetch(`${stack.appUrl}/api/ward/groups`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: staff },
			body: JSON.stringify({ name: 'Tổ dân phố mới (hai máy chủ)' })
		});
		expect(response.status).toBe(200);
		expect(await list()).toContain('Tổ dân phố mới (hai máy chủ)');
	});
});
