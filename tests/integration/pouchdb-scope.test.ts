// The proof that the gateway speaks the CouchDB replication protocol: a stock PouchDB
// replicates a ward database through it, gets exactly its user's group and nothing else, and
// pushes a new household back (PouchDB writes with new_edits=false). Needs `npm run build`.

import { createRequire } from 'node:module';
import PouchDB from 'pouchdb-core';
import Replication from 'pouchdb-replication';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { newId, type Household } from '../../src/lib/domain';
import { startStack, type Stack } from '../support/stack';

const require = createRequire(import.meta.url);
const HttpAdapter = require('pouchdb-adapter-http') as PouchDB.Plugin;
const MemoryAdapter = require('pouchdb-adapter-memory') as PouchDB.Plugin;
const Pouch = PouchDB.plugin(HttpAdapter).plugin(MemoryAdapter).plugin(Replication);

const WARD_DATABASE = 'ward_26956';
let stack: Stack;
let databases = 0;

beforeAll(async () => {
	// The whole demo ward: the pull below is timed on realistic data.
	stack = await startStack();
});
afterAll(async () => {
	await stack?.stop();
});

type StoredDoc = { _id: string; _rev: string; type?: string; group?: string; user?: string };

/** What CouchDB holds for a collaborator, read directly as the admin. */
async function idsInScope(group: string, username: string): Promise<Set<string>> {
	const { rows } = await stack.couch.json<{ rows: { id: string; doc: StoredDoc }[] }>(
		`${WARD_DATABASE}/_all_docs`,
		{ query: { include_docs: true } }
	);
	return new Set(
		rows
			.filter(({ doc }) => !doc._id.startsWith('_'))
			.filter(({ doc }) =>
				doc.type === 'device_status' ? doc.user === username : doc.group === group
			)
			.map(({ id }) => id)
	);
}

function gatewayUrl(username: string): string {
	const url = new URL(`${stack.appUrl}/db/${WARD_DATABASE}`);
	url.username = username;
	url.password = DEMO_PASSWORD;
	return url.toString();
}

function memoryDatabase(): PouchDB.Database {
	databases += 1;
	return new Pouch(`pouchdb-scope-${databases}-${Date.now()}`, { adapter: 'memory' });
}

async function localIds(local: PouchDB.Database): Promise<Set<string>> {
	const { rows } = await local.allDocs();
	return new Set(rows.map((row) => row.id));
}

describe('stock PouchDB through the gateway', () => {
	let local: PouchDB.Database;

	it('pulls exactly the records of group 26956-01 for ctv-demo', async () => {
		local = memoryDatabase();
		const expected = await idsInScope('26956-01', 'ctv-demo');
		expect(expected.size).toBeGreaterThan(100);

		const started = performance.now();
		const result = await local.replicate.from(gatewayUrl('ctv-demo'));
		const elapsed = performance.now() - started;
		expect(result.ok).toBe(true);
		expect(result.doc_write_failures).toBe(0);
		expect([...(await localIds(local))].sort()).toEqual([...expected].sort());

		// The same documents straight from CouchDB as the admin, as the baseline.
		const direct = memoryDatabase();
		const couchUrl = new URL(`${stack.couchUrl}/${WARD_DATABASE}`);
		couchUrl.username = stack.couchUser;
		couchUrl.password = stack.couchPassword;
		const directStarted = performance.now();
		await direct.replicate.from(couchUrl.toString(), { doc_ids: [...expected] });
		const directElapsed = performance.now() - directStarted;
		await direct.destroy();
		console.log(
			`PouchDB pull of group 26956-01 (${expected.size} docs of ` +
				`${(await stack.couch.json<{ doc_count: number }>(WARD_DATABASE)).doc_count} in the ward): ` +
				`${Math.round(elapsed)} ms through the gateway, ${Math.round(directElapsed)} ms ` +
				`straight from CouchDB with doc_ids`
		);
	});

	it('pushes a new valid household back, and it lands in CouchDB unchanged', async () => {
		const now = new Date().toISOString();
		const household: Household = {
			id: newId('household'),
			type: 'household',
			ward: '26956',
			group: '26956-01',
			address: { house_number: '12/3', street: 'Hẻm 45 Xô Viết Nghệ Tĩnh' },
			head_name: 'Lê Văn Tám',
			audit: {
				created_at: now,
				created_by: 'ctv-demo',
				updated_at: now,
				updated_by: 'ctv-demo',
				device_id: 'pouchdb-test-device'
			}
		};
		const { id, ...fields } = household;
		const put = await local.put({ _id: id, ...fields });
		const result = await local.replicate.to(gatewayUrl('ctv-demo'));
		expect(result.ok).toBe(true);
		expect(result.doc_write_failures).toBe(0);
		expect(result.docs_written).toBe(1);

		const stored = await stack.couch.getDoc<StoredDoc & Record<string, unknown>>(WARD_DATABASE, id);
		expect(stored?._rev).toBe(put.rev);
		expect(stored?.group).toBe('26956-01');
		expect(stored?.head_name).toBe('Lê Văn Tám');
	});

	it('refuses a pushed household of another group without stopping the replication', async () => {
		const now = new Date().toISOString();
		const id = newId('household');
		await local.put({
			_id: id,
			type: 'household',
			ward: '26956',
			group: '26956-02',
			address: { house_number: '7', street: 'Đường D1' },
			head_name: 'Phạm Thị Lan',
			audit: {
				created_at: now,
				created_by: 'ctv-demo',
				updated_at: now,
				updated_by: 'ctv-demo',
				device_id: 'pouchdb-test-device'
			}
		});
		const denied: unknown[] = [];
		const replication = local.replicate.to(gatewayUrl('ctv-demo'));
		// `on` hands back the replication itself, which is awaited just below.
		void replication.on('denied', (error) => denied.push(error));
		const result = await replication;
		expect(result.doc_write_failures).toBe(1);
		expect(denied).toHaveLength(1);
		expect(JSON.stringify(denied[0])).toContain('outside your groups');
		expect(await stack.couch.getDoc(WARD_DATABASE, id)).toBeNull();
	});

	it('gives ctv-demo-2 group 26956-02 only', async () => {
		const other = memoryDatabase();
		const expected = await idsInScope('26956-02', 'ctv-demo-2');
		await other.replicate.from(gatewayUrl('ctv-demo-2'));
		const pulled = await localIds(other);
		expect([...pulled].sort()).toEqual([...expected].sort());
		const groupOne = await idsInScope('26956-01', 'ctv-demo');
		expect([...pulled].filter((id) => groupOne.has(id))).toEqual([]);
		await other.destroy();
	});
});
