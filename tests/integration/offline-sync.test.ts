// A collaborator's phone through the real gateway: first pull of their group, a declaration
// entered with no network, sent once the network is back and stamped by the server, and seen
// by another device. Needs `npm run build` first (the stack runs the built app server).
//
// "Offline" here is what a phone out of coverage sees: every request fails at the network
// (the test's fetch throws the TypeError a dropped connection gives), and the online signal
// says offline, so the sync pauses. Nothing in the sync or the gateway is replaced.
//
// The first pull is timed and printed. HSSK_SYNC_TEST_HOUSEHOLDS seeds a bigger ward to
// measure at scale (the device storage is fake-indexeddb, far slower than a browser's).

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeviceDatabase, type DeviceDatabase } from '../../src/lib/db/database';
import { addDeclaration } from '../../src/lib/db/record-writes';
import type { Declaration, DeviceStatus, SessionUser, WardRecord } from '../../src/lib/domain';
import { onlineSwitch, type OnlineSwitch } from '../../src/lib/sync/online';
import { startWardSync, type WardSync } from '../../src/lib/sync/ward-sync';
import { startStack, type Stack } from '../support/stack';
import { testDataKey } from '../../src/lib/db/test-key';

const GROUP = '26956-01';
const WARD_DATABASE = 'ward_26956';
const PASSWORD = 'demo-password';
const SEEDED_HOUSEHOLDS = Number(process.env.HSSK_SYNC_TEST_HOUSEHOLDS ?? 120);

let stack: Stack;
const devices: Device[] = [];

type Device = {
	user: SessionUser;
	db: DeviceDatabase;
	sync: WardSync;
	online: OnlineSwitch;
	network: { isUp: boolean };
};

beforeAll(async () => {
	stack = await startStack({ households: SEEDED_HOUSEHOLDS });
});
afterAll(async () => {
	for (const device of devices) {
		await device.sync.stop();
		await device.db.close();
	}
	await stack?.stop();
});

async function signIn(username: string, deviceId: string) {
	const response = await fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: PASSWORD, device_id: deviceId })
	});
	expect(response.status).toBe(200);
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('hssk_session='));
	if (!cookie) throw new Error('no session cookie');
	const { user } = (await response.json()) as { user: SessionUser };
	return { user, cookie };
}

/** Node's fetch has no cookie jar: this one sends the session cookie, and can lose the network. */
function phoneFetch(cookie: string, network: { isUp: boolean }): typeof fetch {
	return async (input, init) => {
		if (!network.isUp) throw new TypeError('fetch failed');
		const headers = new Headers(init?.headers);
		headers.set('cookie', cookie);
		return fetch(input, { ...init, headers });
	};
}

async function startDevice(username: string, deviceId: string): Promise<Device> {
	const { user, cookie } = await signIn(username, deviceId);
	const db = await openDeviceDatabase({
		key: await testDataKey(),
		username,
		deviceId,
		storage: getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }),
		multiInstance: false
	});
	const online = onlineSwitch(true);
	const network = { isUp: true };
	const sync = startWardSync({
		db,
		user,
		origin: stack.appUrl,
		fetch: phoneFetch(cookie, network),
		online
	});
	const device = { user, db, sync, online, network };
	devices.push(device);
	return device;
}

/** Seconds from the start of the sync until everything is pulled. */
async function firstPullSeconds(device: Device, started: number): Promise<number> {
	await device.sync.awaitInSync();
	return (performance.now() - started) / 1000;
}

function describePull(who: string, counts: Record<string, number>, seconds: number): string {
	const total = counts.household + counts.person + counts.declaration;
	return (
		`First pull for ${who} through the gateway: ${total} records (${counts.household} ` +
		`households, ${counts.person} persons, ${counts.declaration} declarations) in ` +
		`${seconds.toFixed(2)} s = ${Math.round(total / seconds)} records/s`
	);
}

async function until(
	condition: () => boolean | Promise<boolean>,
	what: string,
	timeoutMs = 30_000
) {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

type CouchRow = { id: string; doc?: WardRecord & { _id: string } };

async function serverRecords(): Promise<WardRecord[]> {
	const result = await stack.couch.json<{ rows: CouchRow[] }>(`${WARD_DATABASE}/_all_docs`, {
		query: { include_docs: true }
	});
	return result.rows.flatMap((row) => (row.doc && !row.id.startsWith('_') ? [row.doc] : []));
}

function countByType(records: { type: string }[]) {
	const counts = { household: 0, person: 0, declaration: 0 };
	for (const record of records) {
		if (record.type in counts) counts[record.type as keyof typeof counts] += 1;
	}
	return counts;
}

async function localCounts(db: DeviceDatabase) {
	return {
		household: await db.rx.households.count().exec(),
		person: await db.rx.persons.count().exec(),
		declaration: await db.rx.declarations.count().exec()
	};
}

describe('offline sync through the gateway', () => {
	let phone: Device;
	let declaration: Declaration;

	it('pulls exactly the collaborator group on first sync', async () => {
		phone = await startDevice('ctv-demo', 'phone-ctv-demo-1');
		const seconds = await firstPullSeconds(phone, performance.now());

		const inGroup = (await serverRecords()).filter(
			(record) => 'group' in record && record.group === GROUP
		);
		const expected = countByType(inGroup);
		expect(expected.household).toBeGreaterThan(0);
		expect(await localCounts(phone.db)).toEqual(expected);
		const groups = (await phone.db.rx.persons.find().exec()).map((person) => person.group);
		expect(new Set(groups)).toEqual(new Set([GROUP]));
		expect(phone.sync.status.current.waiting).toBe(0);

		console.info(describePull(`ctv-demo (group ${GROUP})`, expected, seconds));
	});

	it('keeps a declaration entered offline waiting, then sends it and gets the stamp', async () => {
		phone.network.isUp = false;
		phone.online.set(false);
		const person = await phone.db.rx.persons.findOne({ selector: { group: GROUP } }).exec();
		if (!person) throw new Error('no person in the group');

		const added = await addDeclaration(phone.db, {
			person: person.id,
			role: 'collaborator',
			channel: 'door_to_door',
			consent: { given_by: person.id, mode: 'oral', text_version: 0 },
			health: { systolic: 128, diastolic: 82, pulse: 76, weight_kg: 58 }
		});
		if (!added.ok) throw new Error(JSON.stringify(added.problems));
		declaration = added.record;
		await until(() => phone.sync.status.current.waiting === 1, 'waiting = 1');
		expect(phone.sync.status.current.isOnline).toBe(false);
		expect(await stack.couch.getDoc(WARD_DATABASE, declaration.id)).toBeNull();

		phone.network.isUp = true;
		phone.online.set(true);
		await until(() => phone.sync.status.current.waiting === 0, 'waiting = 0');
		const onServer = await stack.couch.getDoc<Declaration>(WARD_DATABASE, declaration.id);
		expect(onServer?.health).toEqual(declaration.health);
		expect(onServer?.stamp).toMatchObject({ by: 'ctv-demo', device_id: 'phone-ctv-demo-1' });
		const local = await phone.db.rx.declarations.findOne(declaration.id).exec();
		expect(local?.stamp).toEqual(onServer?.stamp);
		expect(phone.sync.status.current).toMatchObject({ conflicts: 0, refused: [] });
	});

	it('reports the device status to the server', async () => {
		await until(
			async () =>
				(await stack.couch.getDoc(WARD_DATABASE, 'device_status:phone-ctv-demo-1:ctv-demo')) !==
				null,
			'the device status on the server'
		);
		const report = await stack.couch.getDoc<DeviceStatus>(
			WARD_DATABASE,
			'device_status:phone-ctv-demo-1:ctv-demo'
		);
		expect(report).toMatchObject({
			user: 'ctv-demo',
			ward: '26956',
			device_id: 'phone-ctv-demo-1'
		});
		expect(report?.stamp?.by).toBe('ctv-demo');
	});

	it('lets a second device pull the declaration', async () => {
		const office = await startDevice('ward-demo', 'desk-ward-demo-1');
		const pulling = firstPullSeconds(office, performance.now());
		await until(
			async () => (await office.db.rx.declarations.findOne(declaration.id).exec()) !== null,
			'the declaration on the second device'
		);
		const seen = await office.db.rx.declarations.findOne(declaration.id).exec();
		expect(seen?.stamp?.by).toBe('ctv-demo');
		// Ward staff hold the whole ward, not one group.
		const seconds = await pulling;
		const ward = countByType(await serverRecords());
		expect(await localCounts(office.db)).toEqual(ward);
		console.info(describePull('ward-demo (whole ward)', ward, seconds));
	});
});
