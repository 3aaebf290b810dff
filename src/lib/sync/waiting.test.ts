import { firstValueFrom, filter } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDeviceDatabase, type DeviceDatabase } from '$lib/db/database';
import { testStorage } from '$lib/db/testing';
import { DeclarationSchema, HouseholdSchema, PersonSchema, type Stamp } from '$lib/domain';
import { combineWaiting, waiting$, type Waiting } from './waiting';
import { testDataKey } from '../db/test-key';

const DEVICE = 'device-0001';
const STAMP: Stamp = { by: 'ctv-demo', at: '2026-12-01T03:00:00.000Z', device_id: DEVICE };

function auditAt(at: string, deviceId = DEVICE) {
	return {
		created_at: at,
		created_by: 'ctv-demo',
		updated_at: at,
		updated_by: 'ctv-demo',
		device_id: deviceId
	};
}

const household = HouseholdSchema.parse({
	id: 'household:00000000-0000-4000-8000-000000000001',
	type: 'household',
	ward: '26956',
	group: '26956-01',
	address: { house_number: '12/3A', street: 'Bình Quới' },
	head_name: 'Nguyễn Văn Hùng',
	audit: auditAt('2026-12-01T10:00:00+07:00')
});
const person = PersonSchema.parse({
	id: 'person:00000000-0000-4000-8000-000000000002',
	type: 'person',
	ward: '26956',
	group: '26956-01',
	household: household.id,
	full_name: 'Nguyễn Văn Hùng',
	birth_date: '1958-03-12',
	sex: 'male',
	relation: 'head',
	// The oldest, written in another offset: compared as instants, not as text.
	audit: auditAt('2026-12-01T01:30:00.000Z')
});
const declaration = DeclarationSchema.parse({
	id: 'declaration:00000000-0000-4000-8000-000000000003',
	type: 'declaration',
	ward: '26956',
	group: '26956-01',
	person: person.id,
	household: household.id,
	declared_at: '2026-12-01T02:00:00.000Z',
	declared_by: 'ctv-demo',
	role: 'collaborator',
	channel: 'door_to_door',
	health: { height_cm: 165 },
	audit: auditAt('2026-12-01T02:00:00.000Z')
});

let db: DeviceDatabase | undefined;
afterEach(async () => {
	await db?.close();
});

function until(predicate: (waiting: Waiting) => boolean): Promise<Waiting> {
	if (!db) throw new Error('no database');
	return firstValueFrom(waiting$(db).pipe(filter(predicate)));
}

describe('what waits to be sent, and since when', () => {
	it('counts every collection and keeps the oldest write', async () => {
		db = await openDeviceDatabase({
			key: await testDataKey(),
			username: 'ctv-demo',
			deviceId: DEVICE,
			storage: testStorage(),
			multiInstance: false
		});
		expect(await until(() => true)).toEqual({ count: 0, oldestAt: null });
		await db.rx.households.insert(household);
		await db.rx.persons.insert(person);
		await db.rx.declarations.insert(declaration);
		// Another device's record, as a pull brings it: never this device's to send.
		await db.rx.households.insert({
			...household,
			id: 'household:00000000-0000-4000-8000-000000000009',
			audit: auditAt('2026-11-01T00:00:00.000Z', 'device-0002')
		});
		expect(await until((waiting) => waiting.count === 3)).toEqual({
			count: 3,
			oldestAt: '2026-12-01T01:30:00.000Z'
		});

		// The server's receipt comes back on the oldest: the next oldest is the declaration.
		await db.rx.persons.upsert({ ...person, stamp: STAMP });
		expect(await until((waiting) => waiting.count === 2)).toEqual({
			count: 2,
			oldestAt: '2026-12-01T02:00:00.000Z'
		});
	});

	it('adds counts and keeps the earliest instant, skipping what it cannot read', () => {
		expect(
			combineWaiting([
				{ count: 2, oldestAt: '2026-12-01T09:00:00+07:00' },
				{ count: 0, oldestAt: null },
				{ count: 1, oldestAt: 'not a time' },
				{ count: 1, oldestAt: '2026-12-01T03:00:00.000Z' }
			])
		).toEqual({ count: 4, oldestAt: '2026-12-01T09:00:00+07:00' });
		expect(combineWaiting([])).toEqual({ count: 0, oldestAt: null });
	});
});
