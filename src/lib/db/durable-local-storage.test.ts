import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEVICE_ID_KEY } from './device-id';
import {
	DurableLocalStorage,
	GENERATION_KEY,
	isKeptEntry,
	type LocalStorageLike
} from './durable-local-storage';

/** localStorage as a map; `copy()` is what had reached the disk when the browser was killed. */
function memoryStorage(entries: [string, string][] = []) {
	const values = new Map(entries);
	const storage: LocalStorageLike & { copy(): [string, string][] } = {
		get length() {
			return values.size;
		},
		key: (index) => [...values.keys()][index] ?? null,
		getItem: (key) => values.get(key) ?? null,
		setItem: (key, value) => void values.set(key, String(value)),
		removeItem: (key) => void values.delete(key),
		copy: () => [...values]
	};
	return storage;
}

// The session module's names (src/lib/session/kept-entries.test.ts checks them).
const CURRENT_SESSION_KEY = 'hssk_session';
const ACCOUNT_KEY_PREFIX = 'hssk_account:';
const SESSION = JSON.stringify({ username: 'ctv-demo', mode: 'online', signed_in_at: 'x' });

describe('the vital localStorage entries are kept in IndexedDB', () => {
	it('keeps the device id, and not what can be fetched again', () => {
		expect(isKeptEntry(DEVICE_ID_KEY)).toBe(true);
		expect(isKeptEntry('hssk_language')).toBe(false);
		expect(isKeptEntry('hssk_qr_index:ctv-demo')).toBe(false);
	});

	it('puts everything back when localStorage lost it all', async () => {
		const idb = new IDBFactory();
		const before = memoryStorage();
		const store = new DurableLocalStorage(before, idb);
		store.setItem(DEVICE_ID_KEY, 'device-0001');
		store.setItem(CURRENT_SESSION_KEY, SESSION);
		store.setItem('hssk_language', 'en');
		await store.kept();

		const afterKill = memoryStorage();
		expect(await new DurableLocalStorage(afterKill, idb).restore()).toBe(2);
		expect(afterKill.getItem(DEVICE_ID_KEY)).toBe('device-0001');
		expect(afterKill.getItem(CURRENT_SESSION_KEY)).toBe(SESSION);
		expect(afterKill.getItem('hssk_language')).toBeNull();
		expect(afterKill.getItem(GENERATION_KEY)).toBe('2');
	});

	it('puts back a sign-out that localStorage lost, and the writes after it', async () => {
		const idb = new IDBFactory();
		const local = memoryStorage();
		const store = new DurableLocalStorage(local, idb);
		store.setItem(DEVICE_ID_KEY, 'device-0001');
		store.setItem(CURRENT_SESSION_KEY, SESSION);
		const onDisk = local.copy();
		store.removeItem(CURRENT_SESSION_KEY);
		store.setItem(`${ACCOUNT_KEY_PREFIX}ward-demo`, '{}');
		await store.kept();

		const afterKill = memoryStorage(onDisk);
		expect(await new DurableLocalStorage(afterKill, idb).restore()).toBe(2);
		expect(afterKill.getItem(CURRENT_SESSION_KEY)).toBeNull();
		expect(afterKill.getItem(`${ACCOUNT_KEY_PREFIX}ward-demo`)).toBe('{}');
		expect(afterKill.getItem(DEVICE_ID_KEY)).toBe('device-0001');
	});

	it('leaves localStorage alone when it is newer, as after a quick reload', async () => {
		const idb = new IDBFactory();
		const local = memoryStorage();
		const store = new DurableLocalStorage(local, idb);
		store.setItem(CURRENT_SESSION_KEY, SESSION);
		await store.kept();
		// A later write whose IndexedDB copy never landed: localStorage has it, the copy does not.
		local.setItem(CURRENT_SESSION_KEY, 'newer');
		local.setItem(GENERATION_KEY, '2');

		expect(await new DurableLocalStorage(local, idb).restore()).toBe(0);
		expect(local.getItem(CURRENT_SESSION_KEY)).toBe('newer');
	});

	it('on its first start, keeps what an older version left in localStorage', async () => {
		const idb = new IDBFactory();
		const older = memoryStorage([
			[DEVICE_ID_KEY, 'device-0001'],
			[CURRENT_SESSION_KEY, SESSION],
			['hssk_language', 'en']
		]);
		expect(await new DurableLocalStorage(older, idb).restore()).toBe(0);
		expect(older.getItem(CURRENT_SESSION_KEY)).toBe(SESSION);

		const afterKill = memoryStorage();
		expect(await new DurableLocalStorage(afterKill, idb).restore()).toBe(2);
		expect(afterKill.getItem(DEVICE_ID_KEY)).toBe('device-0001');
		expect(afterKill.getItem(CURRENT_SESSION_KEY)).toBe(SESSION);
	});

	it('still works as localStorage where there is no IndexedDB', async () => {
		const local = memoryStorage();
		const store = new DurableLocalStorage(local, undefined);
		store.setItem(CURRENT_SESSION_KEY, SESSION);
		expect(store.getItem(CURRENT_SESSION_KEY)).toBe(SESSION);
		expect(await store.restore()).toBe(0);
		store.removeItem(CURRENT_SESSION_KEY);
		expect(local.getItem(CURRENT_SESSION_KEY)).toBeNull();
	});
});
