// Deletes a user's device database: every IndexedDB database the Dexie storage made for it
// (one per collection and schema version, `rxdb-dexie-<name>--<version>--<collection>`, the
// replication's bookkeeping included). Called once the database is closed, when its user
// signs out or their account was closed (src/lib/ui/leave-device.ts).

import { deviceDatabaseName } from './database';

type Factory = Pick<IDBFactory, 'databases' | 'deleteDatabase'>;

function deleted(factory: Factory, name: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = factory.deleteDatabase(name);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error);
		// Another tab still holds it open: it closes on the version change, then this succeeds.
		request.onblocked = () => undefined;
	});
}

/** The names of the user's IndexedDB databases; another user whose name starts alike is not one. */
export function isDatabaseOf(username: string, indexedDbName: string): boolean {
	const prefix = `rxdb-dexie-${deviceDatabaseName(username)}--`;
	return indexedDbName.startsWith(prefix) && /^\d+--/.test(indexedDbName.slice(prefix.length));
}

export async function wipeDeviceDatabase(
	username: string,
	factory: Factory = indexedDB
): Promise<number> {
	const names = (await factory.databases())
		.map((database) => database.name ?? '')
		.filter((name) => isDatabaseOf(username, name));
	await Promise.all(names.map((name) => deleted(factory, name)));
	return names.length;
}
