// The sync session against a real CouchDB replication (PouchDB Server). `gatewayStandIn`
// plays the gateway's transport only: it maps `/db/<ward>/` onto the server and stamps each
// pushed document, as the gateway does on every accepted write. The gateway itself, with its
// scope filter and sessions, is exercised in tests/integration/offline-sync.test.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeviceDatabase } from '$lib/db/database';
import { saveHousehold } from '$lib/db/record-writes';
import { startTestCouch, testStorage, type TestCouch } from '$lib/db/testing';
import type { DeviceStatus, Household } from '$lib/domain';
import { onlineSwitch } from './online';
import type { SyncStatus } from './sync-status';
import { startWardSync } from './ward-sync';
import { testDataKey } from '../db/test-key';

const ORIGIN = 'http://gateway.test';
let server: TestCouch;
const requests: string[] = [];
let isNetworkUp = true;
const longPolls = new Map<string, number>();
let mostLongPollsAtOnce = 0;

beforeAll(async () => {
	server = await startTestCouch('ward_26956');
});
afterAll(async () => {
	await server?.stop();
});

const gatewayStandIn: typeof fetch = async (input, init) => {
	const url = String(input).replace(`${ORIGIN}/db/`, `${server.couch.url}/`);
	if (!isNetworkUp) throw new TypeError('fetch failed');
	requests.push(url);
	if (url.includes('feed=longpoll')) {
		const type = /type=(\w+)/.exec(url)?.[1] ?? '';
		longPolls.set(type, (longPolls.get(type) ?? 0) + 1);
		mostLongPollsAtOnce = Math.max(mostLongPollsAtOnce, ...longPolls.values());
		try {
			const response = await server.fetch(url, init);
			await response.clone().text();
			return response;
		} finally {
			longPolls.set(type, (longPolls.get(type) ?? 1) - 1);
		}
	}
	if (url.includes('/_bulk_docs') && typeof init?.body === 'string') {
		const body = JSON.parse(init.body) as { docs: object[] };
		const stamp = { by: 'ctv-demo', at: new Date().toISOString(), device_id: 'device-0001' };
		body.docs = body.docs.map((doc) => ({ ...doc, stamp }));
		return server.fetch(url, { ...init, body: JSON.stringify(body) });
	}
	return server.fetch(url, init);
};

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

const user = {
	username: 'ctv-demo',
	ward: { code: '26956', name: 'Phường 27', database: 'ward_26956', cadence_months: 6 }
};

describe('ward sync', () => {
	it('pulls, keeps working offline, and sends what waits once back online', async () => {
		const fromElsewhere = {
			type: 'household',
			ward: '26956',
			group: '26956-01',
			address: { house_number: '3', street: 'Bình Quới' },
			head_name: 'Phạm Văn Năm',
			audit: {
				created_at: '2026-11-01T08:00:00+07:00',
				created_by: 'ward-demo',
				updated_at: '2026-11-01T08:00:00+07:00',
				updated_by: 'ward-demo',
				device_id: 'device-0002'
			},
			stamp: { by: 'ward-demo', at: '2026-11-01T01:00:00.000Z', device_id: 'device-0002' }
		};
		const otherId = 'household:0b8e3a52-3f1c-4d7e-9a1b-5c6d7e8f9a0b';
		await server.couch.json(`ward_26956/${encodeURIComponent(otherId)}`, {
			method: 'PUT',
			body: fromElsewhere
		});

		const db = await openDeviceDatabase({
			key: await testDataKey(),
			username: 'ctv-demo',
			deviceId: 'device-0001',
			storage: testStorage(),
			multiInstance: false
		});
		const online = onlineSwitch(true);
		const sync = startWardSync({
			db,
			user,
			origin: ORIGIN,
			fetch: gatewayStandIn,
			online,
			reportIntervalMs: 100
		});
		const seen: SyncStatus[] = [];
		sync.status.subscribe((status) => seen.push(status));

		await until(async () => (await db.rx.households.findOne(otherId).exec()) !== null);
		expect(sync.status.current.waiting).toBe(0);

		isNetworkUp = false;
		online.set(false);
		expect(sync.status.current.isOnline).toBe(false);
		const saved = await saveHousehold(db, {
			ward: '26956',
			group: '26956-01',
			address: { house_number: '12/3A', street: 'Bình Quới' },
			head_name: 'Nguyễn Văn Tám'
		});
		if (!saved.ok) throw new Error('refused');
		await until(() => sync.status.current.waiting === 1);
		expect(sync.status.current.oldestWaitingAt).toBe(saved.record.audit.updated_at);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(await server.couch.getDoc('ward_26956', saved.record.id)).toBeNull();

		isNetworkUp = true;
		online.set(true);
		await until(() => sync.status.current.waiting === 0);
		expect(sync.status.current.oldestWaitingAt).toBeNull();
		const onServer = await server.couch.getDoc<Household>('ward_26956', saved.record.id);
		expect(onServer?.stamp?.by).toBe('ctv-demo');
		expect(sync.status.current).toMatchObject({ isOnline: true, conflicts: 0, refused: [] });
		expect(sync.status.current.lastSuccessAt).not.toBeNull();
		expect(seen.some((status) => status.isPushing)).toBe(true);

		await until(async () => {
			const report = await server.couch.getDoc<DeviceStatus>(
				'ward_26956',
				'device_status:device-0001:ctv-demo'
			);
			return report?.waiting === 0 && report.last_push_at !== undefined;
		});
		// Coming back online resumes the one long poll per record type; it starts no second one.
		for (let round = 0; round < 2; round += 1) {
			online.set(false);
			online.set(true);
		}
		await sync.awaitInSync();
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(mostLongPollsAtOnce).toBe(1);

		const changes = requests.filter((url) => url.includes('/_changes'));
		expect(changes.every((url) => /type=(household|person|declaration)&/.test(url))).toBe(true);
		expect(changes.some((url) => url.includes('type=device_status'))).toBe(false);

		await sync.stop();
		await db.close();
	});
});
