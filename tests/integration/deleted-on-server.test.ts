// A deletion made on the server (as the CouchDB admin, not through the gateway) comes down
// the changes feed as `_id`, `_rev`, `_deleted` alone: to a phone that holds the record, and
// to one that never saw it (created and deleted while it was offline). The pull must go on:
// the deleted records leave the phone, and records written after them still arrive, within
// the gateway's renewal of its upstream longpoll (change-watcher.ts). PouchDB Server on disk,
// as `npm start` runs it. Needs `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type Declaration, type Household, type Person } from '../../src/lib/domain';
import { declareMany, exactlyOnce, isSettled, settle as settleOn } from '../support/arrivals';
import { startDevice, until, type Device } from '../support/device';
import { startStack, type Stack } from '../support/stack';

const WARD_DATABASE = 'ward_26956';
/** A change made on the server reaches a live phone within the gateway's upstream renewal
 * (10 s) and a retry or two. */
const LIVE_CHANGE_MS = 15_000;

let stack: Stack;
let phone: Device;

beforeAll(async () => {
	stack = await startStack({ households: 30, couchOnDisk: true });
	phone = await startDevice({
		appUrl: stack.appUrl,
		username: 'ctv-demo',
		deviceId: 'deletion-phone-1',
		retry: { firstMs: 100, maxMs: 1_000 }
	});
	await phone.sync.awaitInSync();
});
afterAll(async () => {
	await phone?.stop();
	await stack?.stop();
});

function settle(sent: Declaration[]) {
	return settleOn(stack.couch, WARD_DATABASE, sent, [phone], 30_000);
}

describe('a deletion made on the server, down the changes feed', () => {
	type Stored = { _id: string; _rev: string };

	async function deleteAsAdmin(id: string): Promise<void> {
		const doc = await stack.couch.getDoc<Stored>(WARD_DATABASE, id);
		if (!doc) throw new Error(`${id} is not on the server`);
		await stack.couch.json(`${WARD_DATABASE}/${encodeURIComponent(id)}`, {
			method: 'DELETE',
			query: { rev: doc._rev }
		});
	}

	async function putAsAdmin(record: Household): Promise<void> {
		const { id, ...body } = record;
		await stack.couch.json(`${WARD_DATABASE}/${encodeURIComponent(id)}`, { method: 'PUT', body });
	}

	function householdIn(group: string): Household {
		const at = new Date().toISOString();
		return {
			id: newId('household'),
			type: 'household',
			ward: '26956',
			group,
			address: { house_number: '5', street: 'Nơ Trang Long' },
			head_name: 'Đỗ Văn Hải',
			audit: {
				created_at: at,
				created_by: 'ward-demo',
				updated_at: at,
				updated_by: 'ward-demo',
				device_id: 'ward-desk-0001'
			}
		};
	}

	it('keeps pulling: the deleted records go, later records still arrive', async () => {
		await until(() => isSettled(phone), 'the phone in sync');
		const group = phone.user.groups[0].code;
		const failures: string[] = [];
		const before = phone.sync.status.current.lastError;
		const unsubscribe = phone.sync.status.subscribe(({ lastError }) => {
			if (lastError && lastError !== before) failures.push(`${lastError.key}: ${lastError.detail}`);
		});
		const [declaration] = await declareMany(phone.db, 1, 'faults/to-delete');
		expect(await settle([declaration])).toEqual(exactlyOnce(1));
		const person = (
			await phone.db.rx.persons.findOne({ selector: { group } }).exec()
		)?.toJSON() as Person;

		// Created and deleted while the phone was away: it only ever sees the tombstone.
		phone.goOffline();
		const unseen = householdIn(group);
		await putAsAdmin(unseen);
		await deleteAsAdmin(unseen.id);
		phone.goOnline();

		// And two the phone holds, deleted while it is live.
		await deleteAsAdmin(declaration.id);
		await deleteAsAdmin(person.id);
		await until(
			async () => (await phone.db.rx.declarations.findOne(declaration.id).exec()) === null,
			'the deleted declaration gone from the phone',
			LIVE_CHANGE_MS
		);
		await until(
			async () => (await phone.db.rx.persons.findOne(person.id).exec()) === null,
			'the deleted person gone from the phone',
			LIVE_CHANGE_MS
		);

		// The pull goes on: a household written on the server after the deletions comes down,
		// and the phone's own new declarations go up.
		const later = householdIn(group);
		await putAsAdmin(later);
		await until(
			async () => (await phone.db.rx.households.findOne(later.id).exec()) !== null,
			'the later household on the phone',
			LIVE_CHANGE_MS
		);
		const laterDeclarations = await declareMany(phone.db, 3, 'faults/after-deletion');
		const arrivals = await settle(laterDeclarations);
		unsubscribe();

		expect(arrivals).toEqual(exactlyOnce(laterDeclarations.length));
		expect(await phone.db.rx.households.findOne(unseen.id).exec()).toBeNull();
		expect(failures).toEqual([]);
	});
});
