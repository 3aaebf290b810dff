// The health fields never reach IndexedDB in clear: every row of every object store of the
// device's IndexedDB is read raw (the IndexedDB API, not RxDB) and searched for the values
// typed, after writing, after a sync (the replication keeps its own copy of each record), and
// after a phone from before encryption opens the new version with unsent records on it.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Declaration } from '$lib/domain';
import { replicateCollection } from '../sync/collection-replication';
import { openDeviceDatabase, type DeviceDatabase } from './database';
import { SEALED_PREFIX } from './field-encryption';
import { addDeclaration, saveHousehold, savePerson } from './record-writes';
import {
	COLLECTION_DEFINITIONS,
	schemaVersionOf,
	type CollectionDefinitions,
	type StoredDocument
} from './schema-versions';
import { testDataKey } from './test-key';
import { startTestCouch, type TestCouch } from './testing';

const ALLERGY = 'Dị ứng hải sản Zqx';
const NOTES = 'Ghi chú bí mật Wkv';
const VACCINES = 'Viêm gan B Pmr';
const INSURANCE = 'DN4797912345678';
/** What was typed; the condition names are in the stored schema, so they cannot be searched. */
const SECRETS = [ALLERGY, NOTES, VACCINES, INSURANCE];
/** A pull from a plain CouchDB database is not filtered by type: one database a collection. */
const DATABASE_OF = {
	households: 'ward_26956',
	persons: 'sealed_persons',
	declarations: 'sealed_declarations'
} as const;

/** Every value of every object store of every database, as text. */
async function rawRows(factory: IDBFactory): Promise<string[]> {
	const rows: string[] = [];
	for (const { name } of await factory.databases()) {
		if (!name) continue;
		const database = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = factory.open(name);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		for (const storeName of Array.from(database.objectStoreNames)) {
			const values = await new Promise<unknown[]>((resolve, reject) => {
				const request = database.transaction(storeName).objectStore(storeName).getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			rows.push(...values.map((value) => JSON.stringify(value)));
		}
		database.close();
	}
	return rows;
}

function holdingAny(rows: readonly string[], needles: readonly string[]): string[] {
	return rows.filter((row) => needles.some((needle) => row.includes(needle)));
}

let server: TestCouch;
beforeAll(async () => {
	server = await startTestCouch();
	await server.couch.json(DATABASE_OF.persons, { method: 'PUT' });
	await server.couch.json(DATABASE_OF.declarations, { method: 'PUT' });
});
afterAll(async () => {
	await server?.stop();
});

async function syncOnce(db: DeviceDatabase, name: 'households' | 'persons' | 'declarations') {
	const replication = replicateCollection({
		db,
		name,
		url: server.databaseUrl.replace('/ward_26956/', `/${DATABASE_OF[name]}/`),
		identifier: 'ward_26956',
		fetch: server.fetch,
		live: false,
		retryTime: 1000
	});
	const errors: unknown[] = [];
	replication.error$.subscribe((error) => errors.push(error));
	await replication.awaitInitialReplication();
	await replication.cancel();
	expect(errors).toEqual([]);
}

async function writeFamily(db: DeviceDatabase) {
	const household = await saveHousehold(db, {
		ward: '26956',
		group: '26956-01',
		address: { house_number: '12/3A', street: 'Bình Quới' },
		head_name: 'Nguyễn Văn Tám'
	});
	if (!household.ok) throw new Error('household refused');
	const person = await savePerson(db, {
		household: household.record.id,
		full_name: 'Nguyễn Thị Ánh',
		birth_date: '1958',
		sex: 'female',
		relation: 'spouse',
		insurance_number: INSURANCE
	});
	if (!person.ok) throw new Error('person refused');
	const declaration = await addDeclaration(db, {
		person: person.record.id,
		role: 'collaborator',
		channel: 'door_to_door',
		consent: { given_by: person.record.id, mode: 'oral', text_version: 0 },
		health: {
			systolic: 137,
			diastolic: 86,
			allergies: ALLERGY,
			notes: NOTES,
			vaccinations: VACCINES,
			chronic_conditions: ['hypertension']
		}
	});
	if (!declaration.ok) throw new Error('declaration refused');
	return { household: household.record, person: person.record, declaration: declaration.record };
}

describe('health fields at rest', () => {
	it('stores no readable health field, and reads them back with the key', async () => {
		const factory = new IDBFactory();
		const db = await openDeviceDatabase({
			username: 'ctv-sealed',
			key: await testDataKey(),
			deviceId: 'device-0001',
			storage: getRxStorageDexie({ indexedDB: factory, IDBKeyRange }),
			multiInstance: false
		});
		const { person, declaration } = await writeFamily(db);

		let rows = await rawRows(factory);
		expect(rows.some((row) => row.includes(declaration.id))).toBe(true);
		expect(rows.some((row) => row.includes(SEALED_PREFIX))).toBe(true);
		expect(holdingAny(rows, SECRETS)).toEqual([]);
		// The names the search needs stay readable (docs/decisions/device-encryption.md).
		expect(rows.some((row) => row.includes('Nguyễn Thị Ánh'))).toBe(true);

		const readBack = (await db.rx.declarations.findOne(declaration.id).exec())?.toJSON();
		expect(readBack?.health).toEqual(declaration.health);
		const history = await db.rx.declarations
			.find({ selector: { person: person.id }, sort: [{ declared_at: 'desc' }] })
			.exec();
		expect(history.map((doc) => doc.health.allergies)).toEqual([ALLERGY]);
		expect((await db.rx.persons.findOne(person.id).exec())?.insurance_number).toBe(INSURANCE);

		// The replication's copy of each pushed record is sealed too; the server gets plain data.
		await syncOnce(db, 'households');
		await syncOnce(db, 'persons');
		await syncOnce(db, 'declarations');
		const onServer = await server.couch.getDoc<Declaration>(
			DATABASE_OF.declarations,
			declaration.id
		);
		expect(onServer?.health).toMatchObject({ systolic: 137, allergies: ALLERGY, notes: NOTES });
		rows = await rawRows(factory);
		expect(holdingAny(rows, SECRETS)).toEqual([]);
		expect((await db.rx.declarations.findOne(declaration.id).exec())?.toJSON().health.notes).toBe(
			NOTES
		);
		await db.close();
	});

	it('opens nothing with another key', async () => {
		const factory = new IDBFactory();
		const storage = getRxStorageDexie({ indexedDB: factory, IDBKeyRange });
		const open = async (key: CryptoKey) =>
			openDeviceDatabase({
				username: 'ctv-stranger',
				key,
				deviceId: 'device-0001',
				storage,
				multiInstance: false
			});
		const db = await open(await testDataKey());
		const { declaration } = await writeFamily(db);
		await db.close();

		const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
			'encrypt',
			'decrypt'
		]);
		const stranger = await open(other);
		await expect(stranger.rx.declarations.findOne(declaration.id).exec()).rejects.toThrow();
		await stranger.close();
	});

	it('moves the unsent records of a phone from before encryption into the sealed shape, and sends them', async () => {
		const factory = new IDBFactory();
		const storage = getRxStorageDexie({ indexedDB: factory, IDBKeyRange });
		const before: CollectionDefinitions = {
			...COLLECTION_DEFINITIONS,
			persons: {
				...COLLECTION_DEFINITIONS.persons,
				steps: COLLECTION_DEFINITIONS.persons.steps.slice(0, -1),
				encrypted: []
			},
			declarations: { ...COLLECTION_DEFINITIONS.declarations, steps: [], encrypted: [] }
		};
		const open = async (definitions: CollectionDefinitions) =>
			openDeviceDatabase({
				username: 'ctv-migrates',
				key: await testDataKey(),
				deviceId: 'device-0002',
				storage,
				multiInstance: false,
				definitions
			});
		const old = await open(before);
		const sent = await writeFamily(old);
		await syncOnce(old, 'households');
		await syncOnce(old, 'persons');
		await syncOnce(old, 'declarations');
		const waiting = await addDeclaration(old, {
			person: sent.person.id,
			role: 'collaborator',
			channel: 'door_to_door',
			consent: { given_by: sent.person.id, mode: 'oral', text_version: 0 },
			health: { weight_kg: 52.5, allergies: `${ALLERGY} 2` }
		});
		if (!waiting.ok) throw new Error('declaration refused');
		await old.close();
		expect(holdingAny(await rawRows(factory), [ALLERGY]).length).toBeGreaterThan(0);

		const upgraded = await open(COLLECTION_DEFINITIONS);
		expect(upgraded.rx.declarations.schema.version).toBe(
			schemaVersionOf(COLLECTION_DEFINITIONS.declarations)
		);
		expect((await upgraded.rx.declarations.findOne(waiting.record.id).exec())?.toJSON()).toEqual(
			waiting.record
		);
		expect(holdingAny(await rawRows(factory), SECRETS)).toEqual([]);

		const revisionBefore = (
			await server.couch.getDoc<StoredDocument>(DATABASE_OF.declarations, sent.declaration.id)
		)?._rev;
		await syncOnce(upgraded, 'declarations');
		const arrived = await server.couch.getDoc<Declaration>(
			DATABASE_OF.declarations,
			waiting.record.id
		);
		expect(arrived?.health).toEqual({ weight_kg: 52.5, allergies: `${ALLERGY} 2` });
		expect(
			(await server.couch.getDoc<StoredDocument>(DATABASE_OF.declarations, sent.declaration.id))
				?._rev
		).toBe(revisionBefore);
		expect(holdingAny(await rawRows(factory), SECRETS)).toEqual([]);
		await upgraded.close();
	});
});
