// A phone in Node for integration tests: the real device database (RxDB on Dexie over
// fake-indexeddb) and the real ward sync, signed in through the app server. Node's fetch has no
// cookie jar, so the device's fetch sends the session cookie itself; it can also lose the
// network, as a phone out of coverage does (every request fails as a dropped connection does,
// and the online signal says offline, so the sync pauses).

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { openDeviceDatabase, type DeviceDatabase } from '../../src/lib/db/database';
import type { SessionUser } from '../../src/lib/domain';
import type { RetryBounds } from '../../src/lib/sync/backoff';
import { onlineSwitch, type OnlineSwitch } from '../../src/lib/sync/online';
import { startWardSync, type WardSync } from '../../src/lib/sync/ward-sync';
import { testDataKey } from '../../src/lib/db/test-key';

export type Device = {
	user: SessionUser;
	deviceId: string;
	db: DeviceDatabase;
	sync: WardSync;
	online: OnlineSwitch;
	network: { isUp: boolean };
	/** No network: requests fail and the sync pauses. */
	goOffline(): void;
	goOnline(): void;
	stop(): Promise<void>;
};

export type DeviceOptions = {
	/** Where the device signs in: the app server itself. */
	appUrl: string;
	/** Where the device syncs: the app server, or a proxy in front of it. */
	syncOrigin?: string;
	username: string;
	deviceId: string;
	retry?: RetryBounds;
	reportIntervalMs?: number;
};

export async function signIn(
	appUrl: string,
	username: string,
	deviceId: string
): Promise<{ user: SessionUser; cookie: string }> {
	const response = await fetch(`${appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: deviceId })
	});
	if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status}`);
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('hssk_session='));
	if (!cookie) throw new Error('no session cookie');
	const { user } = (await response.json()) as { user: SessionUser };
	return { user, cookie };
}

/** Sends the session cookie, and fails at the network while `network.isUp` is false. */
export function phoneFetch(cookie: string, network: { isUp: boolean }): typeof fetch {
	return async (input, init) => {
		if (!network.isUp) throw new TypeError('fetch failed');
		const headers = new Headers(init?.headers);
		headers.set('cookie', cookie);
		return fetch(input, { ...init, headers });
	};
}

export async function startDevice(options: DeviceOptions): Promise<Device> {
	const { user, cookie } = await signIn(options.appUrl, options.username, options.deviceId);
	const db = await openDeviceDatabase({
		key: await testDataKey(),
		username: options.username,
		deviceId: options.deviceId,
		storage: getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }),
		multiInstance: false
	});
	const online = onlineSwitch(true);
	const network = { isUp: true };
	const sync = startWardSync({
		db,
		user,
		origin: options.syncOrigin ?? options.appUrl,
		fetch: phoneFetch(cookie, network),
		online,
		retry: options.retry,
		reportIntervalMs: options.reportIntervalMs
	});
	return {
		user,
		deviceId: options.deviceId,
		db,
		sync,
		online,
		network,
		goOffline() {
			network.isUp = false;
			online.set(false);
		},
		goOnline() {
			network.isUp = true;
			online.set(true);
		},
		async stop() {
			await sync.stop();
			await db.close();
		}
	};
}

/** Polls until the condition holds; fails with `what` after the timeout. */
export async function until(
	condition: () => boolean | Promise<boolean>,
	what: string,
	timeoutMs = 30_000
): Promise<void> {
	// performance.now(): a test may set the device's Date days off.
	const deadline = performance.now() + timeoutMs;
	while (!(await condition())) {
		if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
