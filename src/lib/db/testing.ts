// Test support only (never imported by the app): a device storage on fake-indexeddb, and a
// real CouchDB-compatible server (the embedded PouchDB Server, in memory) for replication tests
// that need no app server.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getFetchWithCouchDBAuthorization } from 'rxdb/plugins/replication-couchdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { startEmbeddedCouch } from '../../../couch/embedded';
import { CouchClient } from '../server/couch/client';

/** A fresh, empty IndexedDB per call, like a new browser profile. */
export function testStorage() {
	return getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange });
}

export type TestCouch = {
	couch: CouchClient;
	/** `<server>/<database>/`, as RxDB's CouchDB replication wants it. */
	databaseUrl: string;
	/** Sends the admin's credentials, like the gateway would send the session cookie. */
	fetch: typeof fetch;
	stop(): Promise<void>;
};

export async function startTestCouch(database = 'ward_26956'): Promise<TestCouch> {
	const dataDir = mkdtempSync(join(tmpdir(), 'hssk-sync-test-'));
	const server = await startEmbeddedCouch({
		dataDir,
		inMemory: true,
		user: 'admin',
		password: 'test-password'
	});
	const couch = new CouchClient(server);
	await couch.json(database, { method: 'PUT' });
	return {
		couch,
		databaseUrl: `${server.url}/${database}/`,
		fetch: getFetchWithCouchDBAuthorization(server.user, server.password),
		async stop() {
			await server.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
