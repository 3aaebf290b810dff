// The device side of the browser benchmark, bundled by browser-bundle.ts and loaded in a page
// on the app's origin: the app's own device database on the Dexie storage (IndexedDB) and its
// ward sync through the gateway, driven from the benchmark through `window.benchDevice`.

import { addDeclaration, openDeviceDatabase, type DeviceDatabase } from '$lib/db';
import { testDataKey } from '$lib/db/test-key';
import type { SessionUser } from '$lib/domain';
import { startWardSync, type WardSync } from '$lib/sync';

export type RecordCounts = { household: number; person: number; declaration: number };

export type FirstSync = { seconds: number; counts: RecordCounts };

type Open = { db: DeviceDatabase; sync: WardSync };

let open: Open | null = null;

async function counts(db: DeviceDatabase): Promise<RecordCounts> {
	return {
		household: await db.rx.households.count().exec(),
		person: await db.rx.persons.count().exec(),
		declaration: await db.rx.declarations.count().exec()
	};
}

/** Signs in on the page's own origin, so the gateway sees the session cookie as in the app. */
async function signIn(username: string, password: string, deviceId: string): Promise<SessionUser> {
	const response = await fetch('/api/session', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password, device_id: deviceId })
	});
	if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
	return ((await response.json()) as { user: SessionUser }).user;
}

/** Opens a fresh device database and times its sync from start to in step with the gateway. */
async function firstSync(username: string, password: string, deviceId: string): Promise<FirstSync> {
	if (open) throw new Error('a device database is already open');
	const user = await signIn(username, password, deviceId);
	// A fresh data key, as a signed-in device holds one: the health fields are sealed as in the app.
	const key = await testDataKey();
	const db = await openDeviceDatabase({ username, deviceId, multiInstance: false, key });
	const started = performance.now();
	const sync = startWardSync({ db, user });
	await sync.awaitInSync();
	const seconds = (performance.now() - started) / 1000;
	open = { db, sync };
	return { seconds, counts: await counts(db) };
}

function opened(): Open {
	if (!open) throw new Error('no device database is open');
	return open;
}

/** Waits until the sync knows it is offline (the browser's `offline` event went through). */
async function untilOnline(isOnline: boolean): Promise<void> {
	const { sync } = opened();
	while (sync.status.current.isOnline !== isOnline) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** `count` declarations as the declaration form makes them, for the people on the device in
 * turn (a small group's people declare more than once). */
async function declareOffline(count: number): Promise<string[]> {
	const { db } = opened();
	const people = await db.rx.persons.find({ limit: count }).exec();
	if (people.length === 0) throw new Error('no people on the device');
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		const person = people[index % people.length];
		const result = await addDeclaration(db, {
			person: person.id,
			role: 'collaborator',
			channel: 'door_to_door',
			consent: { given_by: person.id, mode: 'oral', text_version: 0 },
			health: { height_cm: 158, weight_kg: 52.5, pulse: 76, smoking: 'never' }
		});
		if (!result.ok) throw new Error(`declaration refused: ${JSON.stringify(result.problems)}`);
		ids.push(result.record.id);
	}
	return ids;
}

let pendingPush: Promise<number> | null = null;

/**
 * From now on, waits for the browser to come back online (the benchmark lifts the offline
 * switch) and then times until the device holds the server's stamp on every one of `ids`:
 * pushed and acknowledged. `pushSeconds()` gives the time.
 */
function armPush(ids: string[]): void {
	const { db, sync } = opened();
	pendingPush = new Promise((resolve, reject) => {
		window.addEventListener(
			'online',
			() => {
				const started = performance.now();
				const check = async () => {
					const docs = await db.rx.declarations.findByIds(ids).exec();
					const stamped = [...docs.values()].filter((doc) => doc.stamp !== undefined).length;
					if (stamped === ids.length && sync.status.current.waiting === 0) {
						resolve((performance.now() - started) / 1000);
					} else {
						setTimeout(() => void check().catch(reject), 25);
					}
				};
				void check().catch(reject);
			},
			{ once: true }
		);
	});
}

function pushSeconds(): Promise<number> {
	if (!pendingPush) throw new Error('armPush first');
	return pendingPush;
}

/** Stops the sync and removes the database, so the next run is a first sync again. */
async function remove(): Promise<void> {
	const { db, sync } = opened();
	open = null;
	await sync.stop();
	await db.rx.remove();
}

const benchDevice = {
	firstSync,
	untilOnline,
	declareOffline,
	armPush,
	pushSeconds,
	remove
};
export type BenchDevice = typeof benchDevice;

declare global {
	interface Window {
		benchDevice: BenchDevice;
	}
}

window.benchDevice = benchDevice;
