import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDeviceDatabase, type DeviceDatabase } from '$lib/db/database';
import { DeviceReporter, deviceStatusOf } from './device-report';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status';
import { testDataKey } from '../db/test-key';

let db: DeviceDatabase;
beforeEach(async () => {
	db = await openDeviceDatabase({
		key: await testDataKey(),
		username: 'ctv-demo',
		deviceId: 'device-0001',
		storage: getRxStorageMemory(),
		multiInstance: false
	});
});
afterEach(async () => {
	await db.close();
});

describe('device status report', () => {
	it('describes the device, its user and what waits on it', () => {
		const status: SyncStatus = {
			...INITIAL_SYNC_STATUS,
			waiting: 4,
			lastPushAt: '2026-11-28T02:00:00.000Z',
			lastError: {
				key: 'sync.network',
				detail: 'TypeError: fetch failed',
				at: '2026-11-28T02:01:00.000Z'
			}
		};
		const record = deviceStatusOf(
			{ db, ward: '26956', appVersion: '0.1.0' },
			status,
			new Date('2026-11-28T02:02:00.000Z')
		);
		expect(record).toEqual({
			id: 'device_status:device-0001:ctv-demo',
			type: 'device_status',
			ward: '26956',
			device_id: 'device-0001',
			user: 'ctv-demo',
			app_version: '0.1.0',
			last_push_at: '2026-11-28T02:00:00.000Z',
			waiting: 4,
			last_error:
				'Không kết nối được máy chủ, sẽ tự thử lại / Cannot reach the server; will retry by itself (TypeError: fetch failed)',
			updated_at: '2026-11-28T02:02:00.000Z'
		});
	});

	it('writes at most once an interval, and the last ask is not lost', async () => {
		let status: SyncStatus = { ...INITIAL_SYNC_STATUS, waiting: 1 };
		const reporter = new DeviceReporter({
			db,
			ward: '26956',
			appVersion: '0.1.0',
			read: () => status,
			intervalMs: 300
		});
		const doc = () => db.rx.device_statuses.findOne('device_status:device-0001:ctv-demo').exec();
		for (let waiting = 1; waiting <= 5; waiting += 1) {
			status = { ...status, waiting };
			reporter.report();
		}
		await reporter.settled();
		expect((await doc())?.waiting).toBe(1);

		await new Promise((resolve) => setTimeout(resolve, 100));
		await reporter.settled();
		expect((await doc())?.revision).toMatch(/^1-/);

		await new Promise((resolve) => setTimeout(resolve, 300));
		await reporter.settled();
		// One more write for the four asks inside the interval, with the status as it is then.
		expect((await doc())?.waiting).toBe(5);
		expect((await doc())?.revision).toMatch(/^2-/);
		await reporter.stop();
	});
});
