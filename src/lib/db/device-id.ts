// A device names itself with a random id kept for the life of its browser storage, so the
// gateway's stamps and the supervisors' device list can tell two phones of one person apart.

import { durableLocalStorage } from './durable-local-storage';

export const DEVICE_ID_KEY = 'hssk_device_id';

const DEVICE_ID = /^[A-Za-z0-9-]{8,64}$/;

/** The part of the Web Storage API this needs; tests and Node pass their own or none. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

let processDeviceId: string | undefined;

/** localStorage, with the id also kept in IndexedDB (./durable-local-storage.ts). */
function browserStorage(): KeyValueStore | undefined {
	return durableLocalStorage();
}

/**
 * The device id from `localStorage`, made and saved on first use. Without a usable storage
 * (Node, tests, blocked storage) one id is kept for the life of the process instead.
 */
export function deviceId(store: KeyValueStore | undefined = browserStorage()): string {
	if (!store) {
		processDeviceId ??= crypto.randomUUID();
		return processDeviceId;
	}
	try {
		const saved = store.getItem(DEVICE_ID_KEY);
		if (saved && DEVICE_ID.test(saved)) return saved;
		const made = crypto.randomUUID();
		store.setItem(DEVICE_ID_KEY, made);
		return made;
	} catch {
		processDeviceId ??= crypto.randomUUID();
		return processDeviceId;
	}
}
