// What the conflict handler's stamp rule does to a real CouchDB replication (RxDB's plugin
// against PouchDB Server). `stampingFetch` stands in for the one thing the gateway does to a
// push that matters here: it stamps each document in the same write. The gateway itself is
// exercised in tests/integration/offline-sync.test.ts.

import { replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictReport } from '$lib/db/conflict-handler';
import { openDeviceDatabase, type DeviceDatabase } from '$lib/db/database';
import { addDeclaration, saveHousehold, savePerson } from '$lib/db/record-writes';
import { startTestCouch, testStorage, type TestCouch } from '$lib/db/testing';
import type { Household, Stamp } from '$lib/domain';
import { replicateCollection } from './collection-replication';
import { waitingCount$ } from './waiting';
import { testDataKey } from '../db/test-key';

let server: TestCouch;
let db: DeviceDatabase;
let database: string;
let stampCount = 0;

beforeAll(async () => {
	server = await startTestCouch('ward_setup');
});
afterAll(async () => {
	await server?.stop();
});
afterEach(async () => {
	await db?.close();
});

async function freshDevice(name: string): Promise<void> {
	database = `ward_${name}`;
	await server.couch.json(database, { method: 'PUT' });
	db = await openDeviceDatabase({
		key: await testDataKey(),
		username: 'ctv-demo',
		deviceId: 'device-0001',
		storage: testStorage(),
		multiInstance: false
	});
}

function nextStamp(): Stamp {
	stampCount += 1;
	return {
		by: 'ctv-demo',
		at: new Date(Date.UTC(2026, 10, 28, 2, 0, stampCount)).toISOString(),
		device_id: 'device-0001'
	};
}

const stampingFetch: typeof fetch = async (input, init) => {
	const url = String(input);
	if (url.includes('/_bulk_docs') && typeof init?.body === 'string') {
		const body = JSON.parse(init.body) as { docs: object[] };
		body.docs = body.docs.map((doc) => ({ ...doc, stamp: nextStamp() }));
		return server.fetch(input, { ...init, body: JSON.stringify(body) });
	}
	return server.fetch(input, init);
};

function url() {
	return server.couch.url + `/${database}/`;
}

function replicate(name: 'households' | 'declarations') {
	return replicateCollection({
		db,
		name,
		url: url(),
		identifier: database,
		fetch: stampingFetch,
		live: true,
		retryTime: 500
	});
}

/** Only the push half, as a device is between its push and the next pull. */
async function pushOnly(name: 'households'): Promise<void> {
	const replication = replicateCouchDB({
		replicationIdentifier: `${database}:${name}`,
		collection: db.rx[name],
		url: url(),
		fetch: stampingFetch,
		live: false,
		push: {}
	});
	await replication.awaitInitialReplication();
	await replication.cancel();
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

const draft = {
	ward: '26956',
	group: '26956-01',
	address: { house_number: '12/3A', street: 'Bình Quới' },
	head_name: 'Nguyễn Văn Tám'
};

async function local(id: string): Promise<Household | undefined> {
	return (await db.rx.households.findOne(id).exec())?.toJSON() as Household | undefined;
}

describe('the server stamp in a CouchDB replication', () => {
	it('replaces the unstamped copy after a push, and nothing is waiting any more', async () => {
		await freshDevice('receipt');
		const waiting: number[] = [];
		const subscription = waitingCount$(db).subscribe((count) => waiting.push(count));
		const saved = await saveHousehold(db, draft);
		if (!saved.ok) throw new Error('refused');
		await waitFor(async () => waiting.at(-1) === 1);

		const replication = replicate('households');
		await waitFor(async () => (await local(saved.record.id))?.stamp !== undefined);
		const onServer = await server.couch.getDoc<Household & { _rev: string }>(
			database,
			saved.record.id
		);
		expect(onServer?._rev).toMatch(/^1-/);
		expect((await local(saved.record.id))?.stamp).toEqual(onServer?.stamp);
		await waitFor(async () => waiting.at(-1) === 0);

		// The pulled receipt is not pushed back: the server keeps its one revision.
		await replication.awaitInSync();
		const after = await server.couch.getDoc<{ _rev: string }>(database, saved.record.id);
		expect(after?._rev).toBe(onServer?._rev);
		await replication.cancel();
		subscription.unsubscribe();
	});

	it('sends an edit made before the stamped copy came back, without a conflict', async () => {
		await freshDevice('race');
		const conflicts: ConflictReport[] = [];
		db.conflicts$.subscribe((conflict) => conflicts.push(conflict));
		const saved = await saveHousehold(db, draft);
		if (!saved.ok) throw new Error('refused');
		await pushOnly('households');
		expect((await local(saved.record.id))?.stamp).toBeUndefined();

		const edited = await saveHousehold(db, { ...draft, id: saved.record.id, head_name: 'Lê Tám' });
		expect(edited.ok).toBe(true);
		const replication = replicate('households');
		await waitFor(async () => {
			const copy = await local(saved.record.id);
			return copy?.head_name === 'Lê Tám' && copy.stamp !== undefined;
		});
		const onServer = await server.couch.getDoc<Household & { _rev: string }>(
			database,
			saved.record.id
		);
		expect(onServer?.head_name).toBe('Lê Tám');
		expect(onServer?._rev).toMatch(/^2-/);
		expect(conflicts).toEqual([]);
		await replication.cancel();
	});

	it('keeps one declaration when a push is retried after its answer was lost', async () => {
		await freshDevice('retry');
		const home = await saveHousehold(db, draft);
		if (!home.ok) throw new Error('refused');
		const person = await savePerson(db, {
			household: home.record.id,
			full_name: 'Nguyễn Thị Ánh',
			birth_date: '1958',
			sex: 'female',
			relation: 'spouse'
		});
		if (!person.ok) throw new Error('refused');
		const added = await addDeclaration(db, {
			person: person.record.id,
			role: 'collaborator',
			channel: 'door_to_door',
			consent: { given_by: person.record.id, mode: 'oral', text_version: 0 },
			health: { systolic: 130, diastolic: 80 }
		});
		if (!added.ok) throw new Error('refused');
		// The first push reached the server, but the device never heard back.
		const { id, ...body } = added.record;
		await server.couch.json(`${database}/${encodeURIComponent(id)}`, {
			method: 'PUT',
			body: { ...body, stamp: nextStamp() }
		});
		const conflicts: ConflictReport[] = [];
		db.conflicts$.subscribe((conflict) => conflicts.push(conflict));

		const replication = replicate('declarations');
		await waitFor(async () => (await db.rx.declarations.findOne(id).exec())?.stamp !== undefined);
		const onServer = await server.couch.getDoc<{ _rev: string }>(database, id);
		expect(onServer?._rev).toMatch(/^1-/);
		expect(conflicts).toEqual([]);
		await replication.cancel();
	});

	it('merges an offline edit of another field with the server copy and sends the merge', async () => {
		await freshDevice('clash');
		const saved = await saveHousehold(db, draft);
		if (!saved.ok) throw new Error('refused');
		const first = replicate('households');
		await waitFor(async () => (await local(saved.record.id))?.stamp !== undefined);
		await first.cancel();

		// Another device changes the head while this one, offline, changes the address.
		const current = await server.couch.getDoc<Household & { _rev: string }>(
			database,
			saved.record.id
		);
		const headEdit = {
			field: 'head_name',
			n: 1,
			device_id: 'device-0002',
			by: 'ward-demo',
			at: '2026-11-28T09:30:00+07:00'
		};
		await server.couch.json(`${database}/${encodeURIComponent(saved.record.id)}`, {
			method: 'PUT',
			body: {
				...current,
				id: undefined,
				head_name: 'Trần Văn Ba',
				edits: [headEdit],
				stamp: nextStamp()
			}
		});
		await saveHousehold(db, {
			...draft,
			id: saved.record.id,
			address: { house_number: '14', street: 'Bình Quới' }
		});
		const conflicts: ConflictReport[] = [];
		db.conflicts$.subscribe((conflict) => conflicts.push(conflict));

		const second = replicate('households');
		await waitFor(async () => {
			const copy = await local(saved.record.id);
			return copy?.head_name === 'Trần Văn Ba' && copy.stamp !== undefined;
		});
		const onServer = await server.couch.getDoc<Household>(database, saved.record.id);
		expect(onServer).toMatchObject({
			head_name: 'Trần Văn Ba',
			address: { house_number: '14', street: 'Bình Quới' }
		});
		expect((await local(saved.record.id))?.address.house_number).toBe('14');
		expect(conflicts).toEqual([]);
		await second.cancel();
	});
});
