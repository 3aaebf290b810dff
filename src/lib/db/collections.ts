// The device database holds one collection per record type of a ward database; this names
// them once and gives each its document type (the zod output type, never re-typed).

import type { RxCollection, RxDatabase } from 'rxdb';
import type { Declaration, DeviceStatus, Household, Person, RecordType } from '$lib/domain';

export const COLLECTION_OF_TYPE = {
	household: 'households',
	person: 'persons',
	declaration: 'declarations',
	device_status: 'device_statuses'
} as const satisfies Record<RecordType, string>;

export type CollectionName = (typeof COLLECTION_OF_TYPE)[RecordType];

export const COLLECTION_NAMES = Object.values(COLLECTION_OF_TYPE) as CollectionName[];

export const TYPE_OF_COLLECTION = {
	households: 'household',
	persons: 'person',
	declarations: 'declaration',
	device_statuses: 'device_status'
} as const satisfies Record<CollectionName, RecordType>;

export type DocumentOf = {
	households: Household;
	persons: Person;
	declarations: Declaration;
	device_statuses: DeviceStatus;
};

export type DeviceCollections = { [name in CollectionName]: RxCollection<DocumentOf[name]> };

export type DeviceRxDatabase = RxDatabase<DeviceCollections>;

/** The collections a person edits; device statuses are the device's own report. */
export const RECORD_COLLECTIONS = ['households', 'persons', 'declarations'] as const;
export type RecordCollectionName = (typeof RECORD_COLLECTIONS)[number];
