// The device database API the screens use: open it for the signed-in user, read its
// collections with RxDB queries, write only through the helpers.

export { openDeviceDatabase, deviceDatabaseName, type DeviceDatabase } from './database';
export type { OpenDeviceDatabaseOptions } from './database';
export {
	saveHousehold,
	savePerson,
	addDeclaration,
	householdConsent,
	type WriteResult,
	type ConsentDraft,
	type HouseholdDraft,
	type PersonDraft,
	type DeclarationDraft
} from './record-writes';
export { deviceId, DEVICE_ID_KEY } from './device-id';
export {
	COLLECTION_NAMES,
	type CollectionName,
	type DeviceCollections,
	type DeviceRxDatabase,
	type DocumentOf
} from './collections';
export type { ConflictReport } from './conflict-handler';
