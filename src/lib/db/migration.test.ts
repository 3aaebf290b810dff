// The path every later schema change takes: a phone holding version-n documents, some of them
// not yet sent, opens the app with one more step in the chain. Its records must come through
// migrated, and the ones still waiting must still be sent, once, after the migration.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FieldEditSchema, HOUSEHOLD_EDITABLE_FIELDS, HouseholdSchema } from '$lib/domain';
import { openDeviceDatabase, type DeviceDatabase } from './database';
import { saveHousehold, savePerson } from './record-writes';
import {
	COLLECTION_DEFINITIONS,
	schemaVersionOf,
	type CollectionDefinitions,
	upgradeDocument,
	type StoredDocument
} from './schema-versions';
import { replicateCollection } from '../sync/collection-replication';
import { startTestCouch, testStorage, type TestCouch } from './testing';
import { testDataKey } from './test-key';

/** The chain as the next release would ship it: households gain the state of their QR sheet. */
const NEXT: CollectionDefinitions = {
	...COLLECTION_DEFINITIONS,
	households: {
		...COLLECTION_DEFINITIONS.households,
		zod: HouseholdSchema.extend({ qr_state: z.enum(['active', 'revoked']) }),
		steps: [
			...COLLECTION_DEFINITIONS.households.steps,
			(previous: StoredDocument) => ({ ...previous, qr_state: previous.qr_state ?? 'active' })
		]
	}
};

/** The clashes of schema version 1: no `settled`. */
const VERSION_1_CLASHES = z
	.array(
		z.object({
			field: z.enum(HOUSEHOLD_EDITABLE_FIELDS),
			kept: z.string().nullable(),
			lost: z.string().nullable(),
			kept_edit: FieldEditSchema,
			lost_edit: FieldEditSchema
		})
	)
	.max(10);

let server: TestCouch;
beforeAll(async () => {
	server = await startTestCouch();
});
afterAll(async () => {
	await server?.stop();
});

async function syncHouseholdsOnce(db: DeviceDatabase, url = server.databaseUrl): Promise<void> {
	const replication = replicateCollection({
		db,
		name: 'households',
		url,
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

async function serverRevisions(): Promise<Record<string, string>> {
	const result = await server.couch.json<{ rows: { id: string; value: { rev: string } }[] }>(
		'ward_26956/_all_docs'
	);
	return Object.fromEntries(result.rows.map((row) => [row.id, row.value.rev]));
}

describe('schema migration', () => {
	it('migrates stored records to the next version and still sends only the waiting one', async () => {
		const storage = testStorage();
		const open = async (definitions: CollectionDefinitions) =>
			openDeviceDatabase({
				key: await testDataKey(),
				username: 'ctv-demo',
				deviceId: 'device-0001',
				storage,
				multiInstance: false,
				definitions
			});
		const draft = {
			ward: '26956',
			group: '26956-01',
			address: { house_number: '12/3A', street: 'Bình Quới' },
			head_name: 'Nguyễn Văn Tám'
		};

		const before = await open(COLLECTION_DEFINITIONS);
		const sent = await saveHousehold(before, draft);
		const alsoSent = await saveHousehold(before, {
			...draft,
			address: { ...draft.address, house_number: '14' }
		});
		if (!sent.ok || !alsoSent.ok) throw new Error('household refused');
		const member = await savePerson(before, {
			household: sent.record.id,
			full_name: 'Nguyễn Thị Ánh',
			birth_date: '1958',
			sex: 'female',
			relation: 'spouse'
		});
		await syncHouseholdsOnce(before);
		const sentRevisions = await serverRevisions();
		const waiting = await saveHousehold(before, { ...draft, head_name: 'Trần Thị Hai' });
		if (!waiting.ok || !member.ok) throw new Error('record refused');
		await before.close();

		const after = await open(NEXT);
		expect(after.rx.households.schema.version).toBe(schemaVersionOf(NEXT.households));
		const households = (await after.rx.households.find().exec()).map((doc) => doc.toJSON());
		expect(households).toHaveLength(3);
		for (const original of [sent.record, alsoSent.record, waiting.record]) {
			expect(households.find((household) => household.id === original.id)).toEqual({
				...original,
				qr_state: 'active'
			});
		}
		expect((await after.rx.persons.findOne(member.record.id).exec())?.toJSON()).toEqual(
			member.record
		);

		await syncHouseholdsOnce(after);
		const revisions = await serverRevisions();
		expect(Object.keys(revisions).sort()).toEqual(
			[sent.record.id, alsoSent.record.id, waiting.record.id].sort()
		);
		// The migration itself sends nothing again: the two sent records keep their revision.
		expect(revisions[sent.record.id]).toBe(sentRevisions[sent.record.id]);
		expect(revisions[alsoSent.record.id]).toBe(sentRevisions[alsoSent.record.id]);
		expect(revisions[waiting.record.id]).toMatch(/^1-/);
		// The server still holds version-0 copies; pulling them must not undo the migration.
		const fromServer = await server.couch.getDoc<StoredDocument>('ward_26956', sent.record.id);
		expect(fromServer).not.toHaveProperty('qr_state');
		expect((await after.rx.households.findOne(sent.record.id).exec())?.toJSON()).toEqual({
			...sent.record,
			qr_state: 'active'
		});
		await after.close();
	});

	it('opens the households of version 0, from before per-field versions', async () => {
		const storage = testStorage();
		const VERSION_0: CollectionDefinitions = {
			...COLLECTION_DEFINITIONS,
			households: {
				...COLLECTION_DEFINITIONS.households,
				zod: HouseholdSchema.omit({ edits: true, clashes: true }),
				steps: []
			}
		};
		const open = async (definitions: CollectionDefinitions) =>
			openDeviceDatabase({
				key: await testDataKey(),
				username: 'ctv-demo',
				deviceId: 'device-0001',
				storage,
				multiInstance: false,
				definitions
			});
		const before = await open(VERSION_0);
		const saved = await saveHousehold(before, {
			ward: '26956',
			group: '26956-01',
			address: { house_number: '12/3A', street: 'Bình Quới' },
			head_name: 'Nguyễn Văn Tám'
		});
		if (!saved.ok) throw new Error('household refused');
		await before.close();

		const after = await open(COLLECTION_DEFINITIONS);
		expect(after.rx.households.schema.version).toBe(
			schemaVersionOf(COLLECTION_DEFINITIONS.households)
		);
		expect((await after.rx.households.findOne(saved.record.id).exec())?.toJSON()).toEqual(
			saved.record
		);
		const edited = await saveHousehold(after, { ...saved.record, head_name: 'Lê Văn Tám' });
		expect(edited.ok && edited.record.edits?.map((edit) => edit.field)).toEqual(['head_name']);
		await after.close();
	});

	it('opens version 1, from before settled clashes, and sends its unsent records', async () => {
		const storage = testStorage();
		const previous = COLLECTION_DEFINITIONS.households;
		const VERSION_1: CollectionDefinitions = {
			...COLLECTION_DEFINITIONS,
			households: {
				...previous,
				zod: HouseholdSchema.extend({ clashes: VERSION_1_CLASHES.optional() }),
				steps: previous.steps.slice(0, 1)
			}
		};
		const open = async (definitions: CollectionDefinitions) =>
			openDeviceDatabase({
				key: await testDataKey(),
				username: 'ctv-demo',
				deviceId: 'device-0001',
				storage,
				multiInstance: false,
				definitions
			});
		const before = await open(VERSION_1);
		expect(before.rx.households.schema.version).toBe(1);
		const created = await saveHousehold(before, {
			ward: '26956',
			group: '26956-01',
			address: { house_number: '9', street: 'Bình Lợi' },
			head_name: 'Trần Thị Bảy'
		});
		if (!created.ok) throw new Error('household refused');
		const edited = await saveHousehold(before, { ...created.record, phone: '0901234567' });
		if (!edited.ok) throw new Error('edit refused');
		await before.close();

		const after = await open(COLLECTION_DEFINITIONS);
		expect(after.rx.households.schema.version).toBe(2);
		expect((await after.rx.households.findOne(created.record.id).exec())?.toJSON()).toEqual(
			edited.record
		);
		// Its own database: the other tests leave documents of a made-up next version behind.
		await server.couch.json('ward_26956_v1', { method: 'PUT' });
		await syncHouseholdsOnce(after, server.databaseUrl.replace('/ward_26956/', '/ward_26956_v1/'));
		const stored = await server.couch.getDoc<StoredDocument>('ward_26956_v1', created.record.id);
		expect(stored).toMatchObject({ phone: '0901234567', head_name: 'Trần Thị Bảy' });
		if (!stored) throw new Error('the household did not arrive');
		const { _id, _rev, ...fields } = stored;
		expect(HouseholdSchema.safeParse({ ...fields, id: _id }).error).toBeUndefined();
		expect(_rev).toMatch(/^1-/);
		await after.close();
	});

	it('writes steps that leave an upgraded document as it is', () => {
		const upgraded = upgradeDocument(NEXT.households, { id: 'x', qr_state: 'revoked' });
		expect(upgraded).toEqual({ id: 'x', qr_state: 'revoked' });
		expect(upgradeDocument(NEXT.households, { id: 'x' })).toEqual({ id: 'x', qr_state: 'active' });
	});
});
