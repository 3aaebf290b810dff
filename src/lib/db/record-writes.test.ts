import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDeviceDatabase, type DeviceDatabase } from './database';
import { clashKeyOf, type Household } from '$lib/domain';
import {
	addDeclaration,
	confirmClash,
	saveHousehold,
	savePerson,
	type PersonDraft
} from './record-writes';
import { testDataKey } from './test-key';

let db: DeviceDatabase;

beforeEach(async () => {
	db = await openDeviceDatabase({
		key: await testDataKey(),
		username: 'ctv-demo',
		deviceId: 'device-0001',
		storage: getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }),
		multiInstance: false
	});
});
afterEach(async () => {
	await db.close();
});

const householdDraft = {
	ward: '26956',
	group: '26956-01',
	address: { house_number: '12/3A', street: 'Bình Quới' },
	head_name: 'Nguyễn Văn Tám'
};

async function household() {
	const result = await saveHousehold(db, householdDraft);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.record;
}

function personDraft(householdId: string): PersonDraft {
	return {
		household: householdId,
		full_name: '  Nguyễn   Thị Ánh ',
		birth_date: '1958-03-12',
		sex: 'female',
		citizen_id: '079 158 001 234',
		relation: 'spouse'
	};
}

async function counts() {
	return {
		households: await db.rx.households.count().exec(),
		persons: await db.rx.persons.count().exec(),
		declarations: await db.rx.declarations.count().exec()
	};
}

describe('write helpers', () => {
	it('save a household with audit filled from the user and device, and no stamp', async () => {
		const saved = await household();
		expect(saved.id).toMatch(/^household:/);
		expect(saved.audit).toMatchObject({
			created_by: 'ctv-demo',
			updated_by: 'ctv-demo',
			device_id: 'device-0001'
		});
		const stored = (await db.rx.households.findOne(saved.id).exec())?.toJSON();
		expect(stored).toEqual(saved);
		expect(stored).not.toHaveProperty('stamp');
	});

	it('clear the stamp on an edit and keep who created the record', async () => {
		const saved = await household();
		const stamp = { by: 'ctv-demo', at: '2026-11-28T02:00:01.000Z', device_id: 'device-0001' };
		// as the pulled copy arrives after the gateway accepted it
		await (await db.rx.households.findOne(saved.id).exec())?.incrementalPatch({ stamp });
		expect((await db.rx.households.findOne(saved.id).exec())?.stamp).toEqual(stamp);

		const edited = await saveHousehold(db, {
			...householdDraft,
			id: saved.id,
			head_name: 'Lê Tám'
		});
		expect(edited.ok).toBe(true);
		const stored = (await db.rx.households.findOne(saved.id).exec())?.toJSON();
		expect(stored?.head_name).toBe('Lê Tám');
		expect(stored).not.toHaveProperty('stamp');
		expect(stored?.audit.created_at).toBe(saved.audit.created_at);
	});

	it('do not rewrite a record that an edit leaves unchanged', async () => {
		const saved = await household();
		const before = await db.rx.households.findOne(saved.id).exec();
		const again = await saveHousehold(db, { ...householdDraft, id: saved.id });
		expect(again).toEqual({ ok: true, record: saved });
		const after = await db.rx.households.findOne(saved.id).exec();
		expect(after?.revision).toBe(before?.revision);
	});

	it('place a person in the household ward and group and normalise what was typed', async () => {
		const home = await household();
		const result = await savePerson(db, personDraft(home.id));
		expect(result.ok && result.record).toMatchObject({
			ward: '26956',
			group: '26956-01',
			full_name: 'Nguyễn Thị Ánh',
			citizen_id: '079158001234'
		});
	});

	it('refuse a wrong CCCD, write nothing, and name the field', async () => {
		const home = await household();
		const before = await counts();
		const result = await savePerson(db, { ...personDraft(home.id), citizen_id: '079058001234' });
		expect(result).toEqual({ ok: false, problems: [{ path: 'citizen_id', key: 'cccd.sex' }] });
		const short = await savePerson(db, { ...personDraft(home.id), citizen_id: '12345' });
		expect(short).toEqual({ ok: false, problems: [{ path: 'citizen_id', key: 'cccd.format' }] });
		expect(await counts()).toEqual(before);
	});

	it('refuse a person of a household the device does not hold', async () => {
		const result = await savePerson(
			db,
			personDraft('household:00000000-0000-4000-8000-000000000000')
		);
		expect(result).toEqual({ ok: false, problems: [{ path: 'household', key: 'id.invalid' }] });
	});

	it('refuse a household whose group is not in its ward', async () => {
		const result = await saveHousehold(db, { ...householdDraft, group: '26944-01' });
		expect(result).toEqual({ ok: false, problems: [{ path: 'group', key: 'code.invalid' }] });
		expect((await counts()).households).toBe(0);
	});

	it('add a declaration placed like its person, by the signed-in user', async () => {
		const home = await household();
		const person = await savePerson(db, personDraft(home.id));
		if (!person.ok) throw new Error('person refused');
		const result = await addDeclaration(db, {
			person: person.record.id,
			role: 'collaborator',
			channel: 'door_to_door',
			consent: { given_by: person.record.id, mode: 'oral', text_version: 0 },
			health: { systolic: 135, diastolic: 85, pulse: 72 }
		});
		expect(result.ok && result.record).toMatchObject({
			person: person.record.id,
			household: home.id,
			ward: '26956',
			group: '26956-01',
			declared_by: 'ctv-demo'
		});
		expect(await db.rx.declarations.count().exec()).toBe(1);
	});

	it('refuse systolic 999 and pregnancy of a man, writing nothing', async () => {
		const home = await household();
		const person = await savePerson(db, personDraft(home.id));
		const man = await savePerson(db, {
			...personDraft(home.id),
			full_name: 'Nguyễn Văn Tám',
			sex: 'male',
			citizen_id: undefined,
			relation: 'head'
		});
		if (!person.ok || !man.ok) throw new Error('person refused');
		const before = await counts();
		const base = { role: 'collaborator', channel: 'door_to_door' } as const;
		const high = await addDeclaration(db, {
			...base,
			person: person.record.id,
			health: { systolic: 999, diastolic: 80 }
		});
		expect(high).toEqual({
			ok: false,
			problems: [{ path: 'health.systolic', key: 'systolic.range' }]
		});
		const pregnant = await addDeclaration(db, {
			...base,
			person: man.record.id,
			consent: { given_by: man.record.id, mode: 'oral', text_version: 0 },
			health: { pregnant: true }
		});
		expect(pregnant).toEqual({
			ok: false,
			problems: [{ path: 'health.pregnant', key: 'pregnant.sex' }]
		});
		expect(await counts()).toEqual(before);
	});

	it('keep declarations append-only', async () => {
		const home = await household();
		const person = await savePerson(db, personDraft(home.id));
		if (!person.ok) throw new Error('person refused');
		const added = await addDeclaration(db, {
			person: person.record.id,
			role: 'resident',
			channel: 'qr',
			consent: { given_by: person.record.id, mode: 'in_app', text_version: 0 },
			health: { weight_kg: 51 }
		});
		if (!added.ok) throw new Error('declaration refused');
		const doc = await db.rx.declarations.findOne(added.record.id).exec();
		await expect(doc?.incrementalPatch({ declared_by: 'someone' })).rejects.toThrow(/append-only/);
		await expect(doc?.remove()).rejects.toThrow(/append-only/);
		expect((await db.rx.declarations.findOne(added.record.id).exec())?.toJSON()).toEqual(
			added.record
		);
	});
});

describe('confirming a clash', () => {
	const otherEdit = {
		n: 1,
		device_id: 'device-0002',
		by: 'ctv-demo-2',
		at: '2026-11-28T09:10:00+07:00'
	};

	/** A household whose head's name two phones changed at once, as the merge leaves it. */
	async function clashedHousehold(): Promise<Household> {
		const saved = await household();
		const edited = await saveHousehold(db, { ...saved, head_name: 'Lê Văn Tâm' });
		if (!edited.ok) throw new Error('edit refused');
		const keptEdit = edited.record.edits![0];
		const record: Household = {
			...edited.record,
			clashes: [
				{
					field: 'head_name',
					kept: 'Lê Văn Tâm',
					lost: 'Lê Văn Tám',
					kept_edit: {
						n: keptEdit.n,
						device_id: keptEdit.device_id,
						by: keptEdit.by,
						at: keptEdit.at
					},
					lost_edit: otherEdit
				}
			]
		};
		await db.rx.households.upsert(record);
		return record;
	}

	it('writes the chosen value above both edits, settles the clash and waits to be sent', async () => {
		const record = await clashedHousehold();
		const clash = clashKeyOf(record.clashes![0]);
		const result = await confirmClash(
			db,
			{ collection: 'households', id: record.id, clash },
			'lost'
		);
		expect(result.ok).toBe(true);
		const stored = (await db.rx.households.findOne(record.id).exec())?.toJSON() as Household;
		expect(stored.head_name).toBe('Lê Văn Tám');
		expect(stored.stamp).toBeUndefined();
		expect(stored.edits?.find((edit) => edit.field === 'head_name')).toMatchObject({
			n: 2,
			by: 'ctv-demo',
			device_id: 'device-0001'
		});
		expect(stored.clashes?.[0].settled).toMatchObject({ choice: 'lost', n: 2 });
	});

	it('refuses a clash the record does not hold and changes nothing', async () => {
		const record = await clashedHousehold();
		const before = (await db.rx.households.findOne(record.id).exec())?.toJSON();
		const result = await confirmClash(
			db,
			{ collection: 'households', id: record.id, clash: 'head_name|9|device-0009|x|y' },
			'lost'
		);
		expect(result).toEqual({ ok: false, problems: [{ path: 'clashes', key: 'id.invalid' }] });
		expect((await db.rx.households.findOne(record.id).exec())?.toJSON()).toEqual(before);
	});

	it('refuses a lost value that no longer passes the rules, and changes nothing', async () => {
		const record = await clashedHousehold();
		const invalid: Household = {
			...record,
			clashes: [{ ...record.clashes![0], field: 'phone', kept: null, lost: '12' }]
		};
		await db.rx.households.upsert(invalid);
		const clash = clashKeyOf(invalid.clashes![0]);
		const result = await confirmClash(
			db,
			{ collection: 'households', id: record.id, clash },
			'lost'
		);
		expect(result.ok).toBe(false);
		expect((await db.rx.households.findOne(record.id).exec())?.toJSON()).toEqual(invalid);
	});
});
