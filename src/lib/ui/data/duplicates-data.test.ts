import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDeviceDatabase, type DeviceDatabase } from '$lib/db/database';
import { aHousehold, aPerson } from '../records.test-support';
import { possibleDuplicates } from './duplicates-data';
import { testDataKey } from '../../db/test-key';

let db: DeviceDatabase;
const household = aHousehold({ house_number: '12', street: 'Bạch Đằng' });
const an = aPerson(household, {
	full_name: 'Nguyễn Văn An',
	birth_date: '1980-03-12',
	sex: 'male',
	citizen_id: '079080001234'
});
const bich = aPerson(household, {
	full_name: 'Trần Thị Bích',
	birth_date: '1980-03-12',
	sex: 'female'
});

beforeEach(async () => {
	db = await openDeviceDatabase({
		key: await testDataKey(),
		username: 'ctv-duplicates',
		deviceId: 'device-0001',
		storage: getRxStorageMemory(),
		multiInstance: false
	});
	await db.rx.households.insert(household);
	await db.rx.persons.bulkInsert([an, bich]);
});
afterEach(async () => {
	await db.rx.remove();
});

describe('possibleDuplicates', () => {
	it('finds someone with the same folded name and birth date, with their household', async () => {
		const found = await possibleDuplicates(db, {
			id: 'person:00000000-0000-4000-8000-999999999999',
			full_name: 'nguyen van an',
			birth_date: '1980-03-12'
		});
		expect(found.map(({ person, household: home, kinds }) => [person.id, home?.id, kinds])).toEqual(
			[[an.id, household.id, ['same_name_birth']]]
		);
	});

	it('finds the same citizen ID under another name', async () => {
		const found = await possibleDuplicates(db, {
			id: 'person:00000000-0000-4000-8000-999999999999',
			full_name: 'Nguyễn Văn Ân',
			birth_date: '1980',
			citizen_id: '079080001234'
		});
		expect(found.map(({ person, kinds }) => [person.id, kinds])).toEqual([
			[an.id, ['same_citizen_id']]
		]);
	});

	it('says nothing of the record being edited, nor of other people born that day', async () => {
		expect(await possibleDuplicates(db, { ...an })).toEqual([]);
		expect(
			await possibleDuplicates(db, {
				id: 'person:00000000-0000-4000-8000-999999999999',
				full_name: 'Lê Văn Cường',
				birth_date: '1980-03-12'
			})
		).toEqual([]);
	});
});
