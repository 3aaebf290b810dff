// The gateway's scope beyond the basics: reads by id hide what the caller may not see,
// deletions stay filterable (even bare tombstones), device statuses belong to their user,
// supervisors only read, and oversized pushes are refused. Needs `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { newId } from '../../src/lib/domain';
import { startStack, type Stack } from '../support/stack';

const WARD_DATABASE = 'ward_26956';
const GROUP = '26956-01';
const OTHER_GROUP = '26956-02';

let stack: Stack;
const sessions = new Map<string, string>();

type Doc = { _id: string; _rev: string } & Record<string, unknown>;
type WriteRow = { id: string; ok?: boolean; rev?: string; error?: string; reason?: string };
type ChangesPage = {
	results: { id: string; deleted?: boolean; doc?: Doc }[];
	last_seq: string | number;
};

beforeAll(async () => {
	stack = await startStack({ households: 60 });
	for (const username of ['ctv-demo', 'ctv-demo-2', 'ward-demo', 'city-demo']) {
		const response = await fetch(`${stack.appUrl}/api/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				username,
				password: DEMO_PASSWORD,
				device_id: `device-of-${username}`
			})
		});
		expect(response.status).toBe(200);
		const header = response.headers.getSetCookie().find((line) => line.startsWith('hssk_session='));
		sessions.set(username, (header ?? '').split(';')[0]);
	}
});
afterAll(async () => {
	await stack?.stop();
});

function as(username: string) {
	const cookie = sessions.get(username) ?? '';
	return (path: string, init: RequestInit = {}) => {
		const headers = new Headers(init.headers);
		headers.set('cookie', cookie);
		if (init.body) headers.set('content-type', 'application/json');
		return fetch(`${stack.appUrl}/db/${WARD_DATABASE}/${path}`, { ...init, headers });
	};
}

async function bulkDocs(username: string, docs: unknown[], newEdits = true): Promise<WriteRow[]> {
	const response = await as(username)('_bulk_docs', {
		method: 'POST',
		body: JSON.stringify({ docs, new_edits: newEdits })
	});
	expect(response.status).toBe(201);
	return (await response.json()) as WriteRow[];
}

async function changesSince(username: string, since: string | number, query = '') {
	const response = await as(username)(
		`_changes?include_docs=true&since=${encodeURIComponent(String(since))}${query}`
	);
	expect(response.status).toBe(200);
	return (await response.json()) as ChangesPage;
}

async function head(): Promise<string | number> {
	return (await changesSince('ward-demo', 'now')).last_seq;
}

function household(group: string) {
	const now = new Date().toISOString();
	return {
		_id: newId('household'),
		type: 'household',
		ward: '26956',
		group,
		address: { house_number: '5A', street: 'Đường Nguyễn Gia Trí' },
		head_name: 'Đặng Văn Hùng',
		audit: {
			created_at: now,
			created_by: 'ward-demo',
			updated_at: now,
			updated_by: 'ward-demo',
			device_id: 'device-of-ward-demo'
		}
	};
}

/** A household written straight to CouchDB, as the admin. */
async function stored(group: string): Promise<Doc> {
	const doc = household(group);
	const { rev } = await stack.couch.json<{ rev: string }>(`${WARD_DATABASE}/${doc._id}`, {
		method: 'PUT',
		body: doc
	});
	return { ...doc, _rev: rev };
}

function deviceStatus(user: string, device: string) {
	const now = new Date().toISOString();
	return {
		_id: `device_status:${device}:${user}`,
		type: 'device_status',
		ward: '26956',
		device_id: device,
		user,
		app_version: '0.1.0',
		waiting: 0,
		updated_at: now
	};
}

describe('reads by id', () => {
	it('answers _all_docs with keys as not_found for another group, GET and POST alike', async () => {
		const mine = await stored(GROUP);
		const theirs = await stored(OTHER_GROUP);
		const keys = [mine._id, theirs._id, newId('household'), '_design/progress'];
		const post = await as('ctv-demo')('_all_docs', {
			method: 'POST',
			body: JSON.stringify({ keys, include_docs: true })
		});
		const get = await as('ctv-demo')(
			`_all_docs?include_docs=true&keys=${encodeURIComponent(JSON.stringify(keys))}`
		);
		for (const response of [post, get]) {
			const { rows } = (await response.json()) as {
				rows: { key: string; error?: string; doc?: Doc }[];
			};
			expect(rows.map((row) => row.key)).toEqual(keys);
			expect(rows[0].doc?._id).toBe(mine._id);
			expect(rows.slice(1).map((row) => row.error)).toEqual([
				'not_found',
				'not_found',
				'not_found'
			]);
			expect(JSON.stringify(rows)).not.toContain(theirs._rev);
		}
		expect((await as('ctv-demo')('_all_docs')).status).toBe(400);
	});

	it('hides another group in _bulk_get, GET, open_revs and _revs_diff', async () => {
		const mine = await stored(GROUP);
		const theirs = await stored(OTHER_GROUP);
		const bulkGet = await as('ctv-demo')('_bulk_get?revs=true', {
			method: 'POST',
			body: JSON.stringify({ docs: [{ id: mine._id }, { id: theirs._id, rev: theirs._rev }] })
		});
		const { results } = (await bulkGet.json()) as {
			results: { id: string; docs: ({ ok: Doc } | { error: { error: string } })[] }[];
		};
		expect(results.map((result) => result.id)).toEqual([mine._id, theirs._id]);
		expect('ok' in results[0].docs[0]).toBe(true);
		expect(results[1].docs).toEqual([{ error: expect.objectContaining({ error: 'not_found' }) }]);

		expect((await as('ctv-demo')(encodeURIComponent(mine._id))).status).toBe(200);
		expect((await as('ctv-demo')(encodeURIComponent(theirs._id))).status).toBe(404);
		expect((await as('ctv-demo')(`${encodeURIComponent(theirs._id)}?open_revs=all`)).status).toBe(
			404
		);
		const asked = await as('ctv-demo')(
			`${encodeURIComponent(theirs._id)}?open_revs=${encodeURIComponent(JSON.stringify([theirs._rev]))}`
		);
		expect(await asked.json()).toEqual([{ missing: theirs._rev }]);
		expect((await as('ctv-demo-2')(encodeURIComponent(theirs._id))).status).toBe(200);

		const diff = await as('ctv-demo')('_revs_diff', {
			method: 'POST',
			body: JSON.stringify({ [mine._id]: [mine._rev], [theirs._id]: [theirs._rev] })
		});
		// Held and visible: not missing. Held but hidden: answered as if absent.
		expect(await diff.json()).toEqual({ [theirs._id]: { missing: [theirs._rev] } });
	});
});

describe('_changes with filter=_doc_ids', () => {
	it('answers only the asked ids the caller may see, by POST or GET', async () => {
		const mine = await stored(GROUP);
		const theirs = await stored(OTHER_GROUP);
		const docIds = [mine._id, theirs._id];
		const post = await as('ctv-demo')('_changes?filter=_doc_ids&style=all_docs', {
			method: 'POST',
			body: JSON.stringify({ doc_ids: docIds })
		});
		const get = await as('ctv-demo')(
			`_changes?filter=_doc_ids&doc_ids=${encodeURIComponent(JSON.stringify(docIds))}`
		);
		for (const response of [post, get]) {
			expect(response.status).toBe(200);
			const page = (await response.json()) as ChangesPage;
			expect(page.results.map((row) => row.id)).toEqual([mine._id]);
		}
	});
});

describe('longpoll heartbeat', () => {
	it('sends newlines while waiting, then a page JSON clients parse as usual', async () => {
		const since = await head();
		const response = await as('ctv-demo')(
			`_changes?feed=longpoll&heartbeat=1000&timeout=2500&since=${encodeURIComponent(String(since))}`
		);
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(text.startsWith('\n\n')).toBe(true);
		expect(JSON.parse(text)).toEqual({ results: [], last_seq: since });
	});
});

describe('moves between groups', () => {
	it("refuses moving a record out of, or into, the collaborator's groups", async () => {
		const mine = await stored(GROUP);
		const theirs = await stored(OTHER_GROUP);
		const rows = await bulkDocs('ctv-demo', [
			{ ...mine, group: OTHER_GROUP },
			{ ...theirs, group: GROUP }
		]);
		expect(rows.map((row) => row.error)).toEqual(['forbidden', 'forbidden']);
		expect((await stack.couch.getDoc<Doc>(WARD_DATABASE, mine._id))?.group).toBe(GROUP);
		expect((await stack.couch.getDoc<Doc>(WARD_DATABASE, theirs._id))?.group).toBe(OTHER_GROUP);
	});
});

describe('deletions', () => {
	it('keeps a deletion filterable and free of the record body', async () => {
		const since = await head();
		const mine = await stored(GROUP);
		const response = await as('ctv-demo')(`${encodeURIComponent(mine._id)}?rev=${mine._rev}`, {
			method: 'DELETE'
		});
		expect(response.status).toBe(200);
		const { rev } = (await response.json()) as { rev: string };
		const tombstone = await stack.couch.json<Doc>(
			`${WARD_DATABASE}/${encodeURIComponent(mine._id)}`,
			{ query: { rev } }
		);
		expect(tombstone).toMatchObject({ _deleted: true, type: 'household', group: GROUP });
		expect(tombstone.head_name).toBeUndefined();
		expect((tombstone.stamp as { by: string }).by).toBe('ctv-demo');

		const own = await changesSince('ctv-demo', since, '&type=household');
		expect(own.results.filter((row) => row.id === mine._id).map((row) => row.deleted)).toEqual([
			true
		]);
		const other = await changesSince('ctv-demo-2', since);
		expect(other.results.map((row) => row.id)).not.toContain(mine._id);
	});

	it('places a bare tombstone by the revision before it', async () => {
		const since = await head();
		const theirs = await stored(OTHER_GROUP);
		await stack.couch.json(`${WARD_DATABASE}/_bulk_docs`, {
			method: 'POST',
			body: { docs: [{ _id: theirs._id, _rev: theirs._rev, _deleted: true }] }
		});
		const mine = await changesSince('ctv-demo', since);
		expect(mine.results.map((row) => row.id)).not.toContain(theirs._id);
		const owner = await changesSince('ctv-demo-2', since);
		const row = owner.results.find((candidate) => candidate.id === theirs._id);
		expect(row?.deleted).toBe(true);
	});

	it('accepts a replicated bare tombstone only within scope', async () => {
		const mine = await stored(GROUP);
		const theirs = await stored(OTHER_GROUP);
		const tombstone = (doc: Doc) => ({
			_id: doc._id,
			_rev: `2-${'a'.repeat(32)}`,
			_revisions: { start: 2, ids: ['a'.repeat(32), doc._rev.slice(2)] },
			_deleted: true
		});
		const rows = await bulkDocs('ctv-demo', [tombstone(mine), tombstone(theirs)], false);
		expect(rows).toEqual([expect.objectContaining({ id: theirs._id, error: 'forbidden' })]);
		expect(await stack.couch.getDoc(WARD_DATABASE, mine._id)).toBeNull();
		expect(await stack.couch.getDoc(WARD_DATABASE, theirs._id)).not.toBeNull();
	});
});

describe('device statuses', () => {
	it('lets a user write only their own, and read only their own unless ward staff', async () => {
		const rows = await bulkDocs('ctv-demo', [
			deviceStatus('ctv-demo', 'device-of-ctv-demo'),
			deviceStatus('ward-demo', 'someone-elses-device')
		]);
		expect(rows[0].ok).toBe(true);
		expect(rows[1].error).toBe('forbidden');
		expect(rows[1].reason).toContain('Chỉ được ghi trạng thái thiết bị của chính mình');

		const own = await changesSince('ctv-demo', 0, '&type=device_status');
		expect(own.results.map((row) => row.doc?.user)).toEqual(['ctv-demo']);
		const ward = await changesSince('ward-demo', 0, '&type=device_status');
		expect(ward.results.length).toBeGreaterThan(5);
		expect(ward.results.map((row) => row.doc?.user)).toContain('ctv-demo');
	});

	it('keeps one status per user when two people share a phone', async () => {
		const [first] = await bulkDocs('ctv-demo', [deviceStatus('ctv-demo', 'shared-phone-01')]);
		const [second] = await bulkDocs('ctv-demo-2', [deviceStatus('ctv-demo-2', 'shared-phone-01')]);
		expect(first.ok).toBe(true);
		expect(second.ok).toBe(true);
		expect(
			await stack.couch.getDoc(WARD_DATABASE, 'device_status:shared-phone-01:ctv-demo')
		).not.toBeNull();
		expect(
			await stack.couch.getDoc(WARD_DATABASE, 'device_status:shared-phone-01:ctv-demo-2')
		).not.toBeNull();
	});
});

describe('roles', () => {
	it('lets a city supervisor read the ward but write nothing', async () => {
		const page = await changesSince('city-demo', 0, '&type=household&limit=3');
		expect(page.results).toHaveLength(3);
		const [row] = await bulkDocs('city-demo', [household(GROUP)]);
		expect(row.error).toBe('forbidden');
		expect(row.reason).toContain('chỉ được xem');
		expect(row.reason).toContain('may read records but not change them');
	});

	it('lets ward staff write in any group of their ward', async () => {
		const doc = household('26956-05');
		const [row] = await bulkDocs('ward-demo', [doc]);
		expect(row.ok).toBe(true);
		expect(await stack.couch.getDoc(WARD_DATABASE, doc._id)).not.toBeNull();
	});
});

describe('request size', () => {
	it('refuses a push over 10 MB with a reason', async () => {
		const padding = 'x'.repeat(11 * 1024 * 1024);
		const response = await as('ctv-demo')('_bulk_docs', {
			method: 'POST',
			body: JSON.stringify({ docs: [{ ...household(GROUP), notes: padding }] })
		});
		expect(response.status).toBe(413);
		expect(((await response.json()) as { reason: string }).reason).toContain('quá lớn');
	});
});
