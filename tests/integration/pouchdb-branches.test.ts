// Two stock PouchDB devices edit the same household offline and push through the gateway.
// PouchDB replicates with new_edits=false, so CouchDB takes both edits as branches without a
// conflict answer; the gateway must merge them field by field (src/lib/server/gateway/
// branch-merge.ts) so that neither device's edit is lost, record a clash where both changed
// the same field, and leave one branch that both devices then pull. Needs `npm run build`.

import { createRequire } from 'node:module';
import PouchDB from 'pouchdb-core';
import Replication from 'pouchdb-replication';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import type { Household } from '../../src/lib/domain';
import { startStack, type Stack } from '../support/stack';

const require = createRequire(import.meta.url);
const HttpAdapter = require('pouchdb-adapter-http') as PouchDB.Plugin;
const MemoryAdapter = require('pouchdb-adapter-memory') as PouchDB.Plugin;
const Pouch = PouchDB.plugin(HttpAdapter).plugin(MemoryAdapter).plugin(Replication);

const WARD_DATABASE = 'ward_26956';
type StoredHousehold = Omit<Household, 'id'> & {
	_id: string;
	_rev: string;
	_conflicts?: string[];
};

let stack: Stack;

beforeAll(async () => {
	stack = await startStack({ households: 12 });
});
afterAll(async () => {
	await stack?.stop();
});

function gatewayUrl(username: string): string {
	const url = new URL(`${stack.appUrl}/db/${WARD_DATABASE}`);
	url.username = username;
	url.password = DEMO_PASSWORD;
	return url.toString();
}

async function inCouch(id: string): Promise<StoredHousehold> {
	const doc = await stack.couch.json<StoredHousehold>(
		`${WARD_DATABASE}/${encodeURIComponent(id)}`,
		{ query: { conflicts: true } }
	);
	return doc;
}

describe('two stock PouchDB devices edit one household offline', () => {
	it('end with one branch holding both edits, the same-field edit kept as a clash', async () => {
		const phoneA = new Pouch(`branches-a-${Date.now()}`, { adapter: 'memory' });
		const phoneB = new Pouch(`branches-b-${Date.now()}`, { adapter: 'memory' });
		await phoneA.replicate.from(gatewayUrl('ctv-demo'));
		await phoneB.replicate.from(gatewayUrl('ctv-demo'));
		const { rows } = await phoneA.allDocs<StoredHousehold>({
			include_docs: true,
			startkey: 'household:',
			endkey: 'household:\ufff0'
		});
		const original = rows[0]?.doc;
		if (!original) throw new Error('no household on the phone');
		const id = original._id;

		// Offline on both phones: different fields, and the head's name on both.
		await phoneA.put({ ...original, phone: '0901234567', head_name: 'Lê Văn Tám' });
		const onB = await phoneB.get<StoredHousehold>(id);
		await phoneB.put({
			...onB,
			address: { ...onB.address, street: 'Xô Viết Nghệ Tĩnh' },
			head_name: 'Trần Văn Tám'
		});

		const pushA = await phoneA.replicate.to(gatewayUrl('ctv-demo'));
		const pushB = await phoneB.replicate.to(gatewayUrl('ctv-demo'));
		expect(pushA.doc_write_failures + pushB.doc_write_failures).toBe(0);

		const merged = await inCouch(id);
		expect(merged._conflicts ?? []).toEqual([]);
		expect(merged).toMatchObject({
			phone: '0901234567',
			address: { house_number: original.address.house_number, street: 'Xô Viết Nghệ Tĩnh' },
			stamp: { by: 'ctv-demo' }
		});
		const names = ['Lê Văn Tám', 'Trần Văn Tám'];
		expect(names).toContain(merged.head_name);
		expect(merged.clashes).toEqual([
			expect.objectContaining({
				field: 'head_name',
				kept: merged.head_name,
				lost: names.find((name) => name !== merged.head_name)
			})
		]);

		// Both phones pull the merge and show it: the branch each wrote is closed.
		await phoneA.replicate.from(gatewayUrl('ctv-demo'));
		await phoneB.replicate.from(gatewayUrl('ctv-demo'));
		for (const phone of [phoneA, phoneB]) {
			const local = await phone.get<StoredHousehold>(id, { conflicts: true });
			expect(local._rev).toBe(merged._rev);
			expect(local._conflicts ?? []).toEqual([]);
			expect(local.head_name).toBe(merged.head_name);
		}
		await phoneA.destroy();
		await phoneB.destroy();
	});
});
