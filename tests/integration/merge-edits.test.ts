// Two phones edit the same household with no network, then sync through the real gateway:
// the collaborator's (`ctv-demo`) and the ward station's (`ward-demo`), each with its own
// RxDB database (memory storage). Edits of different fields both survive; edits of the same
// field settle on one value on both phones and in CouchDB, with the other kept as a clash.
// Needs `npm run build` first (the stack runs the built app server).

import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeviceDatabase, type DeviceDatabase } from '../../src/lib/db/database';
import { confirmClash, saveHousehold } from '../../src/lib/db/record-writes';
import { clashKeyOf, openClashes, type Household, type SessionUser } from '../../src/lib/domain';
import { onlineSwitch, type OnlineSwitch } from '../../src/lib/sync/online';
import { startWardSync, type WardSync } from '../../src/lib/sync/ward-sync';
import { startStack, type Stack } from '../support/stack';
import { staffCookie } from '../support/ward';
import { testDataKey } from '../../src/lib/db/test-key';

const GROUP = '26956-01';
const WARD_DATABASE = 'ward_26956';
const PASSWORD = 'demo-password';

type Phone = {
	db: DeviceDatabase;
	sync: WardSync;
	online: OnlineSwitch;
	network: { isUp: boolean };
};

let stack: Stack;
const phones: Phone[] = [];

beforeAll(async () => {
	stack = await startStack({ households: 12 });
});
afterAll(async () => {
	for (const phone of phones) {
		await phone.sync.stop();
		await phone.db.close();
	}
	await stack?.stop();
});

async function startPhone(username: string, deviceId: string): Promise<Phone> {
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
	const db = await openDeviceDatabase({
		key: await testDataKey(),
		username,
		deviceId,
		storage: getRxStorageMemory(),
		multiInstance: false
	});
	const network = { isUp: true };
	const online = onlineSwitch(true);
	const sync = startWardSync({
		db,
		user,
		origin: stack.appUrl,
		online,
		fetch: async (input, init) => {
			if (!network.isUp) throw new TypeError('fetch failed');
			const headers = new Headers(init?.headers);
			headers.set('cookie', cookie);
			return fetch(input, { ...init, headers });
		}
	});
	const phone = { db, sync, online, network };
	phones.push(phone);
	return phone;
}

function setOnline(phone: Phone, isOnline: boolean) {
	phone.network.isUp = isOnline;
	phone.online.set(isOnline);
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

async function copyOn(phone: Phone, id: string): Promise<Household> {
	const doc = await phone.db.rx.households.findOne(id).exec();
	if (!doc) throw new Error(`${id} is not on the phone`);
	return doc.toJSON() as Household;
}

async function copyInCouch(id: string): Promise<Household | null> {
	const doc = await stack.couch.getDoc<Household & { _id: string; _rev: string }>(
		WARD_DATABASE,
		id
	);
	if (!doc) return null;
	const { _id, _rev, ...fields } = doc;
	void _rev;
	return { ...fields, id: _id };
}

/** Both phones back online, one after the other, until all three copies are the same. */
async function syncBoth(collaborator: Phone, office: Phone, id: string): Promise<Household> {
	setOnline(collaborator, true);
	await collaborator.sync.awaitInSync();
	setOnline(office, true);
	await office.sync.awaitInSync();
	let settled: Household | null = null;
	await until(async () => {
		collaborator.sync.reSync();
		office.sync.reSync();
		const [a, b, couch] = [
			await copyOn(collaborator, id),
			await copyOn(office, id),
			await copyInCouch(id)
		];
		const isSame =
			JSON.stringify(a) === JSON.stringify(couch) && JSON.stringify(b) === JSON.stringify(couch);
		if (isSame && a.stamp && collaborator.sync.status.current.waiting === 0) settled = a;
		return settled !== null;
	}, 'both phones and CouchDB to hold the same household');
	if (!settled) throw new Error('not settled');
	return settled;
}

describe('two phones edit the same household offline', () => {
	let collaborator: Phone;
	let office: Phone;
	let household: Household;

	it('keeps both edits when they changed different fields', async () => {
		collaborator = await startPhone('ctv-demo', 'phone-ctv-merge-1');
		office = await startPhone('ward-demo', 'desk-ward-merge-1');
		await collaborator.sync.awaitInSync();
		await office.sync.awaitInSync();
		const found = await collaborator.db.rx.households
			.findOne({ selector: { group: GROUP } })
			.exec();
		if (!found) throw new Error('no household in the group');
		household = found.toJSON() as Household;
		await until(
			async () => (await office.db.rx.households.findOne(household.id).exec()) !== null,
			'the household on the office desk'
		);

		setOnline(collaborator, false);
		setOnline(office, false);
		const phoneEdit = await saveHousehold(collaborator.db, { ...household, phone: '0901234567' });
		const streetEdit = await saveHousehold(office.db, {
			...(await copyOn(office, household.id)),
			address: { ...household.address, street: 'Xô Viết Nghệ Tĩnh' }
		});
		expect(phoneEdit.ok && streetEdit.ok).toBe(true);

		const merged = await syncBoth(collaborator, office, household.id);
		expect(merged).toMatchObject({
			phone: '0901234567',
			address: { house_number: household.address.house_number, street: 'Xô Viết Nghệ Tĩnh' },
			head_name: household.head_name
		});
		expect(merged.clashes).toBeUndefined();
	});

	it('settles a clash on one field the same way everywhere, and keeps the other value', async () => {
		setOnline(collaborator, false);
		setOnline(office, false);
		const mine = await saveHousehold(collaborator.db, {
			...(await copyOn(collaborator, household.id)),
			head_name: 'Lê Văn Tám'
		});
		const theirs = await saveHousehold(office.db, {
			...(await copyOn(office, household.id)),
			head_name: 'Trần Văn Tám'
		});
		expect(mine.ok && theirs.ok).toBe(true);

		const merged = await syncBoth(collaborator, office, household.id);
		// Both edits have one version more than the copy they started from: the device id
		// orders them ("desk-…" before "phone-…"), whichever phone synced first.
		expect(merged.head_name).toBe('Lê Văn Tám');
		expect(merged.phone).toBe('0901234567');
		expect(merged.address.street).toBe('Xô Viết Nghệ Tĩnh');
		expect(merged.clashes).toEqual([
			expect.objectContaining({
				field: 'head_name',
				kept: 'Lê Văn Tám',
				lost: 'Trần Văn Tám',
				kept_edit: expect.objectContaining({ by: 'ctv-demo', device_id: 'phone-ctv-merge-1' }),
				lost_edit: expect.objectContaining({ by: 'ward-demo', device_id: 'desk-ward-merge-1' })
			})
		]);
		expect((await copyInCouch(household.id))?.clashes).toEqual(merged.clashes);
	});

	it('lets ward staff confirm the replaced value offline, and the confirmation wins everywhere', async () => {
		setOnline(collaborator, false);
		setOnline(office, false);
		const held = await copyOn(office, household.id);
		const [clash] = openClashes(held.clashes);
		expect(clash).toMatchObject({ field: 'head_name', lost: 'Trần Văn Tám' });
		const confirmed = await confirmClash(
			office.db,
			{ collection: 'households', id: household.id, clash: clashKeyOf(clash) },
			'lost'
		);
		expect(confirmed.ok).toBe(true);
		// Meanwhile the collaborator, still holding the clash open, changes the phone number.
		const phoneEdit = await saveHousehold(collaborator.db, {
			...(await copyOn(collaborator, household.id)),
			phone: '0987654321'
		});
		expect(phoneEdit.ok).toBe(true);

		const merged = await syncBoth(collaborator, office, household.id);
		expect(merged.head_name).toBe('Trần Văn Tám');
		expect(merged.phone).toBe('0987654321');
		expect(openClashes(merged.clashes)).toEqual([]);
		expect(merged.clashes).toEqual([
			expect.objectContaining({
				field: 'head_name',
				lost: 'Trần Văn Tám',
				settled: expect.objectContaining({ choice: 'lost', by: 'ward-demo' })
			})
		]);
	});

	it("refuses a collaborator's own confirmation, in both languages, and stores nothing", async () => {
		const stored = await stack.couch.getDoc<Household & { _id: string; _rev: string }>(
			WARD_DATABASE,
			household.id
		);
		if (!stored?.clashes?.[0]?.settled) throw new Error('no settled clash to overturn');
		const [clash] = stored.clashes;
		const overturned = {
			...stored,
			clashes: [{ ...clash, settled: { ...clash.settled!, by: 'ctv-demo', choice: 'kept' } }]
		};
		const response = await fetch(`${stack.appUrl}/db/${WARD_DATABASE}/_bulk_docs`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				cookie: await staffCookie(stack, 'ctv-demo')
			},
			body: JSON.stringify({ docs: [overturned] })
		});
		const [row] = (await response.json()) as { error?: string; reason?: string }[];
		expect(row.error).toBe('forbidden');
		expect(row.reason).toContain('Chỉ trạm y tế phường được xác nhận thay đổi trùng');
		expect(row.reason).toContain('Only the ward health station may confirm clashing changes');
		const after = await stack.couch.getDoc<{ _rev: string }>(WARD_DATABASE, household.id);
		expect(after?._rev).toBe(stored._rev);
	});
});
