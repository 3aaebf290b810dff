import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { openDeviceDatabase } from './database';
import { isDatabaseOf, wipeDeviceDatabase } from './device-wipe';
import { saveHousehold } from './record-writes';
import { testDataKey } from './test-key';

describe('wiping a user off the device', () => {
	it('tells the user’s databases from another user’s', () => {
		expect(isDatabaseOf('ctv-demo', 'rxdb-dexie-hssk_ctv-demo--1--declarations')).toBe(true);
		expect(isDatabaseOf('ctv-demo', 'rxdb-dexie-hssk_ctv-demo-2--1--declarations')).toBe(false);
		expect(isDatabaseOf('a', 'rxdb-dexie-hssk_a--b--0--households')).toBe(false);
	});

	it('deletes every database of the user and leaves the others', async () => {
		const factory = new IDBFactory();
		const storage = getRxStorageDexie({ indexedDB: factory, IDBKeyRange });
		const open = async (username: string) =>
			openDeviceDatabase({
				username,
				key: await testDataKey(),
				deviceId: 'device-0001',
				storage,
				multiInstance: false
			});
		const [mine, theirs] = [await open('ctv-demo'), await open('ctv-demo-2')];
		for (const db of [mine, theirs]) {
			const saved = await saveHousehold(db, {
				ward: '26956',
				group: '26956-01',
				address: { house_number: '1', street: 'Bình Quới' },
				head_name: 'Nguyễn Văn Tám'
			});
			expect(saved.ok).toBe(true);
		}
		await mine.close();
		expect(await wipeDeviceDatabase('ctv-demo', factory)).toBeGreaterThan(3);
		const left = (await factory.databases()).map((database) => database.name ?? '');
		expect(left.filter((name) => name.includes('hssk_ctv-demo--'))).toEqual([]);
		expect(left.some((name) => name.includes('hssk_ctv-demo-2--'))).toBe(true);
		const reopened = await open('ctv-demo');
		expect(await reopened.rx.households.count().exec()).toBe(0);
		expect(await theirs.rx.households.count().exec()).toBe(1);
		await reopened.close();
		await theirs.close();
	});
});
