// Opens the device's database: the truth for its user, read and written by every screen.
// One database per user (`hssk_<username>`), so two people sharing a phone never see each
// other's records.
//
//   const db = await openDeviceDatabase({ username: user.username });
//   db.rx.households.find({ selector: { group } }).$   // reactive queries
//   await saveHousehold(db, draft)                      // writes: see ./record-writes.ts
//   await db.close()

import {
	addRxPlugin,
	createRxDatabase,
	wrappedValidateStorageFactory,
	type RxCollectionCreator,
	type RxStorage
} from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { withWriteTimeFloor } from './write-time-floor';
import { Subject, type Observable } from 'rxjs';
import {
	COLLECTION_NAMES,
	type CollectionName,
	type DeviceCollections,
	type DeviceRxDatabase
} from './collections';
import { createConflictHandler, type ConflictReport } from './conflict-handler';
import { deviceId as savedDeviceId } from './device-id';
import { withSealedFields } from './field-encryption';
import {
	COLLECTION_DEFINITIONS,
	migrationStrategiesOf,
	rxSchemaOf,
	type CollectionDefinitions
} from './schema-versions';

addRxPlugin(RxDBMigrationSchemaPlugin);

export type DeviceDatabase = {
	readonly rx: DeviceRxDatabase;
	readonly username: string;
	readonly deviceId: string;
	/** Every clash the conflict handler settled; the sync status counts them. */
	readonly conflicts$: Observable<ConflictReport>;
	/** The version chain the collections were opened with; replication upgrades pulls by it. */
	readonly definitions: CollectionDefinitions;
	close(): Promise<void>;
};

export type OpenDeviceDatabaseOptions = {
	username: string;
	/** The user's data key (./device-key.ts), which seals the health fields at rest. */
	key: CryptoKey;
	/** Defaults to the id saved in localStorage (./device-id.ts). */
	deviceId?: string;
	/** Defaults to IndexedDB through Dexie (`deviceStorage`); tests pass fake-indexeddb or the memory storage. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxDB's own storage type is generic over internals it never exposes
	storage?: RxStorage<any, any>;
	/** Several tabs of one browser share the database; off in Node. */
	multiInstance?: boolean;
	/** The version chain; only a migration test replaces it. */
	definitions?: CollectionDefinitions;
};

/** RxDB names allow `[_$a-zA-Z0-9-]`; usernames may hold dots, which `$` stands for. */
export function deviceDatabaseName(username: string): string {
	return `hssk_${username.replace(/\./g, '$')}`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see OpenDeviceDatabaseOptions.storage
async function withDevChecks(storage: RxStorage<any, any>): Promise<RxStorage<any, any>> {
	if (!import.meta.env.DEV) return storage;
	// Development and tests only: dev-mode checks schemas and queries, and insists on a
	// validating storage. Production builds drop this branch (dev-mode adds an iframe).
	const [{ RxDBDevModePlugin, disableWarnings }, { getValidator }] = await Promise.all([
		import('rxdb/plugins/dev-mode'),
		import('rxdb/plugins/validate-ajv')
	]);
	disableWarnings();
	addRxPlugin(RxDBDevModePlugin);
	// A deletion pulled from CouchDB carries only its id (rxdb issue 7444): no schema fits it.
	const validating = wrappedValidateStorageFactory((schema) => {
		const validate = getValidator(schema);
		return (document) => (document._deleted ? [] : validate(document));
	}, 'ajv-live');
	return validating({ storage });
}

/**
 * Chromium (since 121) commits IndexedDB transactions "relaxed" by default: written to the
 * operating system but not flushed, so a phone whose battery dies right after "Đã lưu" can
 * lose the save. "strict" makes the write reach the disk before RxDB's insert resolves and the
 * screen says it is saved. Measured in Chromium on these machines: about 1.5 to 4 ms more per
 * transaction, and a form save is one transaction.
 */
export function deviceStorage() {
	return getRxStorageDexie({ chromeTransactionDurability: 'strict' });
}

function collectionCreators(
	definitions: CollectionDefinitions,
	report: (conflict: ConflictReport) => void
): Record<CollectionName, RxCollectionCreator> {
	return Object.fromEntries(
		COLLECTION_NAMES.map((name) => [
			name,
			{
				schema: rxSchemaOf(name, definitions[name]),
				migrationStrategies: migrationStrategiesOf(definitions[name]),
				conflictHandler: createConflictHandler(name, report)
			}
		])
	) as Record<CollectionName, RxCollectionCreator>;
}

/** Declarations are append-only on the device too: a correction is a new declaration. */
function refuseDeclarationChanges(rx: DeviceRxDatabase): void {
	const refuse = () => {
		throw new Error('Declarations are append-only: add a new declaration that corrects it');
	};
	rx.declarations.preSave(refuse, false);
	rx.declarations.preRemove(refuse, false);
}

export async function openDeviceDatabase(
	options: OpenDeviceDatabaseOptions
): Promise<DeviceDatabase> {
	const conflicts = new Subject<ConflictReport>();
	const definitions = options.definitions ?? COLLECTION_DEFINITIONS;
	const rx = await createRxDatabase<DeviceCollections>({
		name: deviceDatabaseName(options.username),
		storage: await withDevChecks(
			withWriteTimeFloor(withSealedFields(options.storage ?? deviceStorage(), options.key))
		),
		multiInstance: options.multiInstance ?? typeof window !== 'undefined',
		eventReduce: true
	});
	try {
		await rx.addCollections(
			collectionCreators(definitions, (conflict) => conflicts.next(conflict))
		);
	} catch (error) {
		await rx.close();
		throw error;
	}
	refuseDeclarationChanges(rx);
	return {
		rx,
		username: options.username,
		deviceId: options.deviceId ?? savedDeviceId(),
		conflicts$: conflicts.asObservable(),
		definitions,
		async close() {
			await rx.close();
			conflicts.complete();
		}
	};
}
