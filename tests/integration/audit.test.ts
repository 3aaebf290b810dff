// The audit trail against the real embedded server: sign-ins, records sent to a device and
// written by it, list reads by ward staff and a supervisor land in `hssk_audit` with who, when
// and which device, ids only; ward staff page through their ward's trail and no one else's;
// the trail cannot be changed or deleted, even by CouchDB's admin, nor reached through the
// gateway. Needs `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { newId, type AuditEntry, type AuditPage } from '../../src/lib/domain';
import { CouchError } from '../../src/lib/server/couch/client';
import { startStack, type Stack } from '../support/stack';

const WARD = '26956';
const GROUP = '26956-01';
let stack: Stack;
const cookies = new Map<string, string>();

async function signIn(username: string): Promise<string> {
	const response = await fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: `phone-of-${username}` })
	});
	expect(response.status).toBe(200);
	const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0];
	cookies.set(username, cookie);
	return cookie;
}

function as(username: string, path: string, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	headers.set('cookie', cookies.get(username) ?? '');
	if (init.body) headers.set('content-type', 'application/json');
	return fetch(`${stack.appUrl}${path}`, { ...init, headers });
}

type StoredEntry = AuditEntry & { _id: string; _rev: string };

async function storedEntries(): Promise<StoredEntry[]> {
	const { rows } = await stack.couch.json<{ rows: { id: string; doc: StoredEntry }[] }>(
		'hssk_audit/_all_docs',
		{ query: { include_docs: true } }
	);
	return rows.filter((row) => row.id.startsWith('audit:')).map((row) => row.doc);
}

/** Entries are written a moment after the request: waits until one matches. */
async function entryWhere(match: (entry: StoredEntry) => boolean): Promise<StoredEntry> {
	const deadline = Date.now() + 5_000;
	while (Date.now() < deadline) {
		const found = (await storedEntries()).find(match);
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('no such audit entry');
}

const HEAD_NAME = 'Lương Thị Kiều Oanh';

function household() {
	const now = new Date().toISOString();
	return {
		_id: newId('household'),
		type: 'household',
		ward: WARD,
		group: GROUP,
		address: { house_number: '77', street: 'Hẻm Bí Mật Riêng Tư' },
		head_name: HEAD_NAME,
		audit: {
			created_at: now,
			created_by: 'ctv-demo',
			updated_at: now,
			updated_by: 'ctv-demo',
			device_id: 'phone-of-ctv-demo'
		}
	};
}

beforeAll(async () => {
	stack = await startStack({ households: 12 });
	for (const username of ['ctv-demo', 'ward-demo', 'city-demo', 'admin-demo']) {
		await signIn(username);
	}
});
afterAll(async () => {
	await stack?.stop();
});

describe('what the trail records', () => {
	it('a sign-in, with the ward, the role and the device', async () => {
		const entry = await entryWhere(
			(candidate) => candidate.action === 'session.signed_in' && candidate.actor === 'ctv-demo'
		);
		expect(entry).toMatchObject({
			unit: WARD,
			role: 'collaborator',
			device_id: 'phone-of-ctv-demo'
		});
		expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
	});

	it('records a device was sent and records it wrote, by id, never their content', async () => {
		const written = household();
		const push = await as('ctv-demo', `/db/ward_${WARD}/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({ docs: [written] })
		});
		expect(push.status).toBe(201);
		const wrote = await entryWhere(
			(entry) => entry.action === 'records.written' && (entry.records ?? []).includes(written._id)
		);
		expect(wrote).toMatchObject({ actor: 'ctv-demo', device_id: 'phone-of-ctv-demo', unit: WARD });

		const pull = await as('ctv-demo', `/db/ward_${WARD}/_changes?include_docs=true&since=0`);
		const { results } = (await pull.json()) as { results: { id: string }[] };
		const read = await entryWhere(
			(entry) => entry.action === 'records.read' && (entry.records ?? []).includes(written._id)
		);
		expect(read).toMatchObject({ actor: 'ctv-demo', target: '_changes', unit: WARD });
		const sentRecords = results.filter((row) => !row.id.startsWith('device_status:'));
		expect(read.count).toBe(sentRecords.length);

		const all = JSON.stringify(await storedEntries());
		expect(all).not.toContain(HEAD_NAME);
		expect(all).not.toContain('Hẻm Bí Mật');
	});

	it("list reads by ward staff and a city supervisor, under the ward's trail", async () => {
		for (const username of ['ward-demo', 'city-demo']) {
			const response = await as(username, `/api/progress/households?group=${GROUP}`);
			expect(response.status).toBe(200);
			const entry = await entryWhere(
				(candidate) => candidate.action === 'list.households' && candidate.actor === username
			);
			expect(entry).toMatchObject({ unit: WARD, target: GROUP });
			expect(entry.count).toBeGreaterThan(0);
		}
		expect((await as('ward-demo', `/api/qr/sheets?group=${GROUP}`)).status).toBe(200);
		await entryWhere((entry) => entry.action === 'list.qr_sheets' && entry.target === GROUP);
	});
});

describe('reading the trail', () => {
	it('pages through the ward, newest first, for its staff', async () => {
		await entryWhere((entry) => entry.action === 'list.qr_sheets');
		const first = (await (await as('ward-demo', '/api/audit?limit=3')).json()) as AuditPage;
		expect(first.unit).toBe(WARD);
		expect(first.entries).toHaveLength(3);
		expect(first.next).not.toBeNull();
		const times = first.entries.map((entry) => entry.at);
		expect([...times].sort().reverse()).toEqual(times);
		const second = (await (
			await as('ward-demo', `/api/audit?limit=3&before=${encodeURIComponent(first.next ?? '')}`)
		).json()) as AuditPage;
		expect(second.entries).toHaveLength(3);
		const ids = new Set(first.entries.map((entry) => entry.id));
		expect(second.entries.some((entry) => ids.has(entry.id))).toBe(false);
		expect(second.entries[0].at <= first.entries[2].at).toBe(true);
		expect(first.entries.every((entry) => entry.unit === WARD)).toBe(true);
		// Reading it is itself recorded.
		await entryWhere((entry) => entry.action === 'list.audit' && entry.actor === 'ward-demo');
	});

	it("is refused to everyone but the ward's staff and administrators", async () => {
		expect((await as('ctv-demo', '/api/audit')).status).toBe(403);
		expect((await as('city-demo', `/api/audit?unit=${WARD}`)).status).toBe(403);
		expect((await as('ward-demo', '/api/audit?unit=26734')).status).toBe(403);
		expect((await fetch(`${stack.appUrl}/api/audit`)).status).toBe(401);
		expect((await as('ward-demo', '/api/audit?before=not-an-id')).status).toBe(400);
		expect((await as('ward-demo', '/api/audit?limit=100000')).status).toBe(400);
		const admin = await as('admin-demo', `/api/audit?unit=${WARD}&limit=1`);
		expect(admin.status).toBe(200);
	});
});

describe("the breach runbook's queries", () => {
	it("find an account's entries by a ward's time window and by _find", async () => {
		await entryWhere((entry) => entry.action === 'records.read' && entry.actor === 'ctv-demo');
		const today = new Date().toISOString().slice(0, 10);
		const { rows } = await stack.couch.json<{ rows: { doc: StoredEntry }[] }>(
			'hssk_audit/_all_docs',
			{
				query: {
					include_docs: true,
					startkey: JSON.stringify(`audit:${WARD}:${today}`),
					endkey: JSON.stringify(`audit:${WARD}:${today}\ufff0`)
				}
			}
		);
		const windowed = rows.map((row) => row.doc).filter((doc) => doc.actor === 'ctv-demo');
		expect(windowed.map((doc) => doc.action)).toEqual(
			expect.arrayContaining(['session.signed_in', 'records.read', 'records.written'])
		);
		const found = await stack.couch.json<{ docs: StoredEntry[] }>('hssk_audit/_find', {
			method: 'POST',
			body: {
				selector: { actor: 'ctv-demo', at: { $gte: `${today}T00:00:00Z` } },
				fields: ['at', 'unit', 'action', 'device_id', 'target', 'count'],
				limit: 10_000
			}
		});
		expect(found.docs.length).toBe(windowed.length);
		expect(found.docs.every((doc) => doc.device_id === 'phone-of-ctv-demo')).toBe(true);
	});
});

describe('append-only', () => {
	it('refuses to change or delete an entry, even to CouchDB admin, and the gateway never reaches it', async () => {
		const [entry] = await storedEntries();
		const path = `hssk_audit/${encodeURIComponent(entry._id)}`;
		const attempts = [
			() => stack.couch.json(path, { method: 'PUT', body: { ...entry, actor: 'someone-else' } }),
			() => stack.couch.json(path, { method: 'DELETE', query: { rev: entry._rev } }),
			() =>
				stack.couch.json('hssk_audit/_bulk_docs', {
					method: 'POST',
					body: { docs: [{ _id: 'not-audit', type: 'other' }] }
				})
		];
		for (const attempt of attempts) {
			const outcome = await attempt().then(
				(answer) => answer,
				(error: unknown) => error
			);
			const refused =
				(outcome instanceof CouchError && outcome.status === 403) ||
				(Array.isArray(outcome) && outcome[0]?.error === 'forbidden');
			expect(refused, JSON.stringify(outcome)).toBe(true);
		}
		const again = await stack.couch.json<StoredEntry>(path);
		expect(again._rev).toBe(entry._rev);
		expect(again.actor).toBe(entry.actor);
		for (const username of ['admin-demo', 'ward-demo']) {
			const response = await as(username, `/db/hssk_audit/_all_docs?include_docs=true`);
			expect(response.status).toBe(403);
		}
	});
});
