// The sync gateway over plain HTTP with a session cookie: what it refuses (and does not store),
// what it stamps, how `_changes` pages and longpolls within the caller's scope, and what it
// never exposes. CouchDB is checked directly as the admin. Needs `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { newId } from '../../src/lib/domain';
import { startStack, type Stack } from '../support/stack';

const WARD_DATABASE = 'ward_26956';
const GROUP = '26956-01';
const OTHER_GROUP = '26956-02';
const DEVICE_ID = 'gateway-test-device';

let stack: Stack;
let cookie = '';

type Doc = { _id: string; _rev: string } & Record<string, unknown>;
type WriteRow = { id: string; ok?: boolean; rev?: string; error?: string; reason?: string };
type ChangesPage = {
	results: { id: string; seq: unknown; deleted?: boolean; doc?: Doc }[];
	last_seq: string | number;
};

beforeAll(async () => {
	// The whole demo ward, so a group has enough declarations to page through.
	stack = await startStack();
	cookie = await signIn('ctv-demo');
});
afterAll(async () => {
	await stack?.stop();
});

async function signIn(username: string): Promise<string> {
	const response = await fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: DEVICE_ID })
	});
	expect(response.status).toBe(200);
	const header = response.headers.getSetCookie().find((line) => line.startsWith('hssk_session='));
	return (header ?? '').split(';')[0];
}

function gateway(path: string, init: RequestInit = {}, session = cookie): Promise<Response> {
	const headers = new Headers(init.headers);
	if (session) headers.set('cookie', session);
	if (init.body) headers.set('content-type', 'application/json');
	return fetch(`${stack.appUrl}/db/${path}`, { ...init, headers });
}

async function bulkDocs(docs: unknown[], session = cookie): Promise<WriteRow[]> {
	const response = await gateway(
		`${WARD_DATABASE}/_bulk_docs`,
		{ method: 'POST', body: JSON.stringify({ docs }) },
		session
	);
	expect(response.status).toBe(201);
	return (await response.json()) as WriteRow[];
}

/** Every document of the ward, read directly from CouchDB as the admin. */
async function wardDocs(): Promise<Doc[]> {
	const { rows } = await stack.couch.json<{ rows: { doc: Doc }[] }>(`${WARD_DATABASE}/_all_docs`, {
		query: { include_docs: true }
	});
	return rows.map((row) => row.doc).filter((doc) => !doc._id.startsWith('_'));
}

async function firstOf(type: string, group: string): Promise<Doc> {
	const doc = (await wardDocs()).find(
		(candidate) => candidate.type === type && candidate.group === group
	);
	if (!doc) throw new Error(`no seeded ${type} in ${group}`);
	return doc;
}

function audit() {
	const now = new Date().toISOString();
	return {
		created_at: now,
		created_by: 'ctv-demo',
		updated_at: now,
		updated_by: 'ctv-demo',
		device_id: DEVICE_ID
	};
}

async function declaration(health: Record<string, unknown>, group = GROUP) {
	const person = await firstOf('person', group);
	return {
		_id: newId('declaration'),
		type: 'declaration',
		ward: '26956',
		group,
		person: person._id,
		household: person.household,
		declared_at: new Date().toISOString(),
		declared_by: 'ctv-demo',
		role: 'collaborator',
		channel: 'door_to_door',
		health,
		consent: {
			text_version: 0,
			given_at: '2026-01-01T00:00:00.000Z',
			given_by: person._id,
			mode: 'oral',
			recorded_by: 'ctv-demo',
			device_id: 'gateway-phone-0001'
		},
		audit: audit()
	};
}

function household(group: string) {
	return {
		_id: newId('household'),
		type: 'household',
		ward: '26956',
		group,
		address: { house_number: '88', street: 'Hẻm 12 Điện Biên Phủ' },
		head_name: 'Võ Thị Mai',
		audit: audit()
	};
}

describe('refusals', () => {
	it('answers 401 without a session or credentials', async () => {
		const changes = await gateway(`${WARD_DATABASE}/_changes`, {}, '');
		expect(changes.status).toBe(401);
		expect(((await changes.json()) as { reason: string }).reason).toContain('Vui lòng đăng nhập');
		const write = await gateway(
			`${WARD_DATABASE}/_bulk_docs`,
			{ method: 'POST', body: JSON.stringify({ docs: [household(GROUP)] }) },
			''
		);
		expect(write.status).toBe(401);
	});

	it("answers 403 with a reason for another ward's database and the server's own", async () => {
		for (const database of ['ward_26944', 'hssk_users', 'hssk_org', '_all_dbs', '_users']) {
			const response = await gateway(`${database}/`);
			expect(response.status, database).toBe(403);
			const { reason } = (await response.json()) as { reason: string };
			expect(reason, database).toMatch(/phường|cổng đồng bộ/);
		}
	});

	it('refuses an implausible declaration, naming the field, and stores nothing', async () => {
		const doc = await declaration({ systolic: 999, diastolic: 80 });
		const [row] = await bulkDocs([doc]);
		expect(row.error).toBe('forbidden');
		expect(row.reason).toContain('health.systolic');
		expect(row.reason).toContain('Huyết áp tâm thu phải từ 60 đến 260 mmHg');
		expect(row.reason).toContain('Systolic pressure must be between 60 and 260 mmHg');
		expect(await stack.couch.getDoc(WARD_DATABASE, doc._id)).toBeNull();
	});

	it('refuses a new declaration without the household’s consent, in both languages, and stores nothing', async () => {
		const { consent: _omitted, ...bare } = await declaration({ weight_kg: 60 });
		void _omitted;
		// A collaborator cannot tick the household's own box for it.
		const tickedAtTheDoor = await declaration({ weight_kg: 61 });
		tickedAtTheDoor.consent = { ...tickedAtTheDoor.consent, mode: 'in_app' };
		const [missing, wrongKind] = await bulkDocs([bare, tickedAtTheDoor]);
		expect(missing.error).toBe('forbidden');
		expect(missing.reason).toContain('consent: Chưa có sự đồng ý của hộ gia đình');
		expect(missing.reason).toContain('The household has not consented yet');
		expect(wrongKind.error).toBe('forbidden');
		expect(wrongKind.reason).toContain('consent.mode');
		expect(await stack.couch.getDoc(WARD_DATABASE, bare._id)).toBeNull();
		expect(await stack.couch.getDoc(WARD_DATABASE, tickedAtTheDoor._id)).toBeNull();
	});

	it('refuses a household of another group and stores nothing', async () => {
		const doc = household(OTHER_GROUP);
		const [row] = await bulkDocs([doc]);
		expect(row).toMatchObject({ id: doc._id, error: 'forbidden' });
		expect(row.reason).toContain('group');
		expect(row.reason).toContain('Hồ sơ không thuộc tổ/phường bạn phụ trách');
		expect(row.reason).toContain('outside your groups');
		expect(await stack.couch.getDoc(WARD_DATABASE, doc._id)).toBeNull();
	});

	it('refuses a document without a type, by field or by id', async () => {
		const untyped: Record<string, unknown> & { _id: string } = household(GROUP);
		delete untyped.type;
		const note = { _id: 'note:1', text: 'hello' };
		const rows = await bulkDocs([untyped, note]);
		expect(rows[0]).toMatchObject({ id: untyped._id, error: 'forbidden' });
		expect(rows[0].reason).toContain(
			'type: Loại hồ sơ không được hỗ trợ / Unsupported record type'
		);
		expect(rows[1]).toMatchObject({ id: 'note:1', error: 'forbidden' });
		expect(rows[1].reason).toContain('Unsupported record type');
		expect(await stack.couch.getDoc(WARD_DATABASE, untyped._id)).toBeNull();
		expect(await stack.couch.getDoc(WARD_DATABASE, 'note:1')).toBeNull();
	});

	it('refuses to update or delete a declaration that was already sent', async () => {
		const seeded = await firstOf('declaration', GROUP);
		const read = await gateway(`${WARD_DATABASE}/${encodeURIComponent(seeded._id)}`);
		expect(read.status).toBe(200);
		const current = (await read.json()) as Doc;
		const changed = { ...current, health: { ...(current.health as object), pulse: 70 } };

		const put = await gateway(`${WARD_DATABASE}/${encodeURIComponent(seeded._id)}`, {
			method: 'PUT',
			body: JSON.stringify(changed)
		});
		expect(put.status).toBe(403);
		const { reason } = (await put.json()) as { reason: string };
		expect(reason).toContain('Tờ khai đã gửi không được sửa hay xóa');
		expect(reason).toContain('make a correcting declaration');

		const [bulk] = await bulkDocs([changed]);
		expect(bulk.error).toBe('forbidden');
		expect(bulk.reason).toContain('declaration');

		const remove = await gateway(
			`${WARD_DATABASE}/${encodeURIComponent(seeded._id)}?rev=${current._rev}`,
			{ method: 'DELETE' }
		);
		expect(remove.status).toBe(403);
		expect((await stack.couch.getDoc<Doc>(WARD_DATABASE, seeded._id))?._rev).toBe(seeded._rev);
	});

	it('refuses the design documents and the database itself', async () => {
		const design = await gateway(`${WARD_DATABASE}/_design/progress`);
		expect(design.status).toBe(403);
		expect(((await design.json()) as { reason: string }).reason).toContain('cổng đồng bộ');
		const encoded = await gateway(`${WARD_DATABASE}/${encodeURIComponent('_design/progress')}`);
		expect(encoded.status).toBe(403);
		for (const path of ['_security', '_find', '_local_docs', '_design_docs', '_purge']) {
			const response = await gateway(`${WARD_DATABASE}/${path}`);
			expect(response.status, path).toBe(403);
		}
		expect((await gateway(`${WARD_DATABASE}/`, { method: 'DELETE' })).status).toBe(403);
	});

	it("keeps each user's _local checkpoints apart", async () => {
		const mine = await gateway(`${WARD_DATABASE}/_local/checkpoint-a`, {
			method: 'PUT',
			body: JSON.stringify({ last_seq: 42 })
		});
		expect(mine.status).toBe(201);
		expect(
			((await (await gateway(`${WARD_DATABASE}/_local/checkpoint-a`)).json()) as Doc).last_seq
		).toBe(42);

		const other = await signIn('ctv-demo-2');
		expect((await gateway(`${WARD_DATABASE}/_local/checkpoint-a`, {}, other)).status).toBe(404);
		const spelled = `${WARD_DATABASE}/_local/${encodeURIComponent('ctv-demo:checkpoint-a')}`;
		expect((await gateway(spelled, {}, other)).status).toBe(404);
		// Writing the same name from another account touches only that account's copy.
		const reset = await gateway(
			`${WARD_DATABASE}/_local/checkpoint-a`,
			{ method: 'PUT', body: JSON.stringify({ last_seq: 0 }) },
			other
		);
		expect(reset.status).toBe(201);
		expect(
			((await (await gateway(`${WARD_DATABASE}/_local/checkpoint-a`)).json()) as Doc).last_seq
		).toBe(42);
	});
});

describe('accepted writes', () => {
	it('stores a valid declaration with the server stamp, replacing the device one', async () => {
		const doc = { ...(await declaration({ systolic: 128, diastolic: 82, pulse: 76 })) };
		const sent = { ...doc, stamp: { by: 'someone-else', at: '2000-01-01T00:00:00.000Z' } };
		const before = Date.now();
		const [row] = await bulkDocs([sent]);
		expect(row).toMatchObject({ ok: true, id: doc._id });
		const stored = await stack.couch.getDoc<Doc & { stamp: Record<string, string> }>(
			WARD_DATABASE,
			doc._id
		);
		expect(stored?._rev).toBe(row.rev);
		expect(stored?.stamp.by).toBe('ctv-demo');
		expect(stored?.stamp.device_id).toBe(DEVICE_ID);
		expect(Date.parse(stored?.stamp.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
		expect(Date.parse(stored?.stamp.at ?? '')).toBeLessThanOrEqual(Date.now() + 1000);
		expect((stored?.health as { systolic: number }).systolic).toBe(128);
	});

	it('answers a mixed batch row by row in the order sent', async () => {
		const good = household(GROUP);
		const bad = household(OTHER_GROUP);
		const alsoGood = household(GROUP);
		const rows = await bulkDocs([good, bad, alsoGood]);
		expect(rows.map((row) => [row.id, row.ok ?? row.error])).toEqual([
			[good._id, true],
			[bad._id, 'forbidden'],
			[alsoGood._id, true]
		]);
		expect(await stack.couch.getDoc(WARD_DATABASE, good._id)).not.toBeNull();
		expect(await stack.couch.getDoc(WARD_DATABASE, bad._id)).toBeNull();
	});
});

describe('_changes', () => {
	async function head(): Promise<string | number> {
		const response = await gateway(`${WARD_DATABASE}/_changes?since=now`);
		return ((await response.json()) as ChangesPage).last_seq;
	}

	it('pages through every in-scope declaration with type= and limit=5, no gaps or repeats', async () => {
		// Interleave new declarations of both groups, so pages must skip the other group's.
		for (let index = 0; index < 12; index++) {
			const mine = await declaration({ pulse: 60 + index });
			expect((await bulkDocs([mine]))[0].ok).toBe(true);
			const theirs = await declaration({ pulse: 60 + index }, OTHER_GROUP);
			await stack.couch.json(`${WARD_DATABASE}/${theirs._id}`, { method: 'PUT', body: theirs });
		}
		const expected = (await wardDocs())
			.filter((doc) => doc.type === 'declaration' && doc.group === GROUP)
			.map((doc) => doc._id)
			.sort();
		expect(expected.length).toBeGreaterThan(15);
		const seen: string[] = [];
		let since: string | number = 0;
		for (let page = 0; page < 1000; page++) {
			const response = await gateway(
				`${WARD_DATABASE}/_changes?type=declaration&limit=5&since=${encodeURIComponent(String(since))}`
			);
			expect(response.status).toBe(200);
			const body = (await response.json()) as ChangesPage;
			seen.push(...body.results.map((row) => row.id));
			since = body.last_seq;
			if (body.results.length < 5) break;
		}
		expect(seen.length).toBe(new Set(seen).size);
		expect(seen.sort()).toEqual(expected);
	});

	it('longpoll answers promptly with a new in-scope record, and never with another group', async () => {
		const theirs = household(OTHER_GROUP);
		const mine = household(GROUP);
		const lastSeq = await head();
		const started = Date.now();
		const polling = gateway(
			`${WARD_DATABASE}/_changes?feed=longpoll&type=household&include_docs=true&since=${encodeURIComponent(String(lastSeq))}`
		);
		await new Promise((resolve) => setTimeout(resolve, 400));
		await stack.couch.json(`${WARD_DATABASE}/${theirs._id}`, { method: 'PUT', body: theirs });
		await new Promise((resolve) => setTimeout(resolve, 600));
		const written = Date.now();
		await stack.couch.json(`${WARD_DATABASE}/${mine._id}`, { method: 'PUT', body: mine });
		const response = await polling;
		const answered = Date.now();
		const body = (await response.json()) as ChangesPage;
		expect(body.results.map((row) => row.id)).toEqual([mine._id]);
		expect(body.results[0].doc?.group).toBe(GROUP);
		expect(answered - started).toBeGreaterThanOrEqual(1000);
		expect(answered - written).toBeLessThan(2000);
	});

	it('longpoll with nothing new answers empty at its timeout with a usable last_seq', async () => {
		const since = await head();
		const started = Date.now();
		const response = await gateway(
			`${WARD_DATABASE}/_changes?feed=longpoll&timeout=1000&since=${encodeURIComponent(String(since))}`
		);
		const body = (await response.json()) as ChangesPage;
		expect(body.results).toEqual([]);
		expect(body.last_seq).toEqual(since);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(Date.now() - started).toBeLessThan(5000);
	});
});
