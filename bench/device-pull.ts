// The collaborator's phone: the app's own device database (on RxDB's memory storage) and
// ward sync, pulling through the gateway until in step. Loaded through Vite
// (device-loader.ts) so `$lib` and `import.meta.env` resolve as they do in the app.

import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openDeviceDatabase } from '$lib/db/database';
import type { SessionUser } from '$lib/domain';
import { onlineSwitch } from '$lib/sync/online';
import { startWardSync } from '$lib/sync/ward-sync';
import { testDataKey } from '../src/lib/db/test-key';

export type DevicePullOptions = {
	appUrl: string;
	user: SessionUser;
	/** `hssk_session=…`: Node's fetch has no cookie jar. */
	cookie: string;
	deviceId: string;
};

export type DevicePull = {
	seconds: number;
	counts: { household: number; person: number; declaration: number };
};

function cookieFetch(cookie: string): typeof fetch {
	return (input, init) => {
		const headers = new Headers(init?.headers);
		headers.set('cookie', cookie);
		return fetch(input, { ...init, headers });
	};
}

export async function pullAsDevice(options: DevicePullOptions): Promise<DevicePull> {
	const db = await openDeviceDatabase({
		key: await testDataKey(),
		username: options.user.username,
		deviceId: options.deviceId,
		storage: getRxStorageMemory(),
		multiInstance: false
	});
	try {
		const started = performance.now();
		const sync = startWardSync({
			db,
			user: options.user,
			origin: options.appUrl,
			fetch: cookieFetch(options.cookie),
			online: onlineSwitch(true)
		});
		await sync.awaitInSync();
		const seconds = (performance.now() - started) / 1000;
		await sync.stop();
		return {
			seconds,
			counts: {
				household: await db.rx.households.count().exec(),
				person: await db.rx.persons.count().exec(),
				declaration: await db.rx.declarations.count().exec()
			}
		};
	} finally {
		// The memory storage outlives a closed database: removing it makes the next run a first sync.
		await db.rx.remove();
	}
}
