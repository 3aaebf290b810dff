import { describe, expect, it } from 'vitest';
import { checkRecord, type Household, type Person } from '$lib/domain';
import { readExtract } from './extract';
import { aliasDocId, REGISTRY_DEVICE, registryHouseholdId, registryPersonId } from './keys';
import type { CouchDoc } from './plan-fields';
import { planRegistryImport, type RegistryPlan } from './plan';
import { asRecord, type Stored, type WardRecords } from './ward-records';

const WARD = '26956';
const AUTHOR = { user: 'ward-demo', at: '2026-11-28T03:00:00.000Z' };
const LATER = { user: 'ward-demo', at: '2026-11-29T03:00:00.000Z' };
const HEADER = 'household_code,group,address,citizen_id,full_name,birth_date,sex,relation\n';
const FILE =
	HEADER +
	'HK1,1,12 Bạch Đằng,079080001234,Nguyễn Văn An,12/3/1980,Nam,Chủ hộ\n' +
	'HK1,1,12 Bạch Đằng,,Trần Thị Bình,1982,Nữ,Vợ\n' +
	'HK2,2,7 Lê Lợi,,Lê Văn Cường,2001-01-31,Nam,Chủ hộ\n';

function extractOf(text: string) {
	const read = readExtract(text, WARD, new Set(['26956-01', '26956-02']));
	expect(read.problems).toEqual([]);
	return read.households;
}

function emptyWard(): WardRecords {
	return { households: new Map(), persons: new Map(), aliases: new Map(), reviews: new Map() };
}

let revision = 0;

/** The ward after a plan was written, as CouchDB would hold it. */
function written(ward: WardRecords, plan: RegistryPlan): WardRecords {
	const next: WardRecords = {
		households: new Map(ward.households),
		persons: new Map(ward.persons),
		aliases: new Map(ward.aliases),
		reviews: new Map(ward.reviews)
	};
	const stored = (doc: CouchDoc) => ({ ...doc, _rev: `${++revision}-x` });
	for (const doc of plan.households) next.households.set(doc._id, asRecord<Household>(stored(doc)));
	for (const doc of plan.persons) next.persons.set(doc._id, asRecord<Person>(stored(doc)));
	for (const doc of plan.aliases) {
		const held = stored(doc) as CouchDoc & { from: string; to: string; _rev: string };
		next.aliases.set(held.from, held as never);
	}
	return next;
}

function plan(text: string, ward: WardRecords, deleted = new Set<string>(), author = AUTHOR) {
	return planRegistryImport(extractOf(text), { ward: WARD, author, stored: ward, deleted });
}

function fieldHousehold(overrides: Partial<Household> = {}): Stored<Household> {
	return {
		id: 'household:0b7c1a52-7f0e-4d39-9a55-6f3f3f3b0001',
		type: 'household',
		ward: WARD,
		group: '26956-01',
		address: { house_number: '12', street: 'Bạch Đằng' },
		head_name: 'Nguyễn Văn An',
		audit: {
			created_at: '2026-10-01T02:00:00.000Z',
			created_by: 'ctv-demo',
			updated_at: '2026-10-01T02:00:00.000Z',
			updated_by: 'ctv-demo',
			device_id: 'device-1234-abcd'
		},
		_rev: '1-a',
		...overrides
	};
}

function fieldPerson(household: Household, overrides: Partial<Person>): Stored<Person> {
	return {
		id: 'person:0b7c1a52-7f0e-4d39-9a55-6f3f3f3b0101',
		type: 'person',
		ward: WARD,
		group: household.group,
		household: household.id,
		full_name: 'Nguyễn Văn An',
		birth_date: '1980-03-12',
		sex: 'male',
		relation: 'head',
		audit: household.audit,
		_rev: '1-b',
		...overrides
	};
}

describe('planRegistryImport into an empty ward', () => {
	const result = plan(FILE, emptyWard());

	it('creates every household and person under ids from the registry keys', () => {
		expect(result.counts).toMatchObject({
			households_created: 2,
			persons_created: 3,
			conflicts: 0
		});
		expect(result.households.map((doc) => doc._id)).toEqual([
			registryHouseholdId(WARD, 'HK1'),
			registryHouseholdId(WARD, 'HK2')
		]);
		expect(result.persons[0]._id).toBe(
			registryPersonId(WARD, 'HK1', {
				full_name: 'Nguyễn Văn An',
				birth_date: '1980-03-12',
				citizen_id: '079080001234'
			})
		);
		expect(result.created.map((entry) => [entry.line, entry.kind])).toEqual([
			[2, 'household'],
			[2, 'person'],
			[3, 'person'],
			[4, 'household'],
			[4, 'person']
		]);
	});

	it('writes records the gateway would accept, audited and stamped by the import', () => {
		for (const doc of [...result.households, ...result.persons]) {
			const { _id, ...fields } = doc;
			expect(checkRecord({ ...fields, id: _id }).ok).toBe(true);
			expect(doc.stamp).toEqual({ by: 'ward-demo', at: AUTHOR.at, device_id: REGISTRY_DEVICE });
			expect(doc.audit).toMatchObject({ created_by: 'ward-demo', device_id: REGISTRY_DEVICE });
		}
		expect(result.persons[1]).toMatchObject({
			household: registryHouseholdId(WARD, 'HK1'),
			group: '26956-01',
			birth_date: '1982',
			relation: 'spouse'
		});
	});

	it('writes nothing the second time', () => {
		const again = plan(FILE, written(emptyWard(), result), new Set(), LATER);
		expect(again.counts).toMatchObject({
			households_unchanged: 2,
			persons_unchanged: 3,
			households_created: 0,
			persons_created: 0,
			conflicts: 0
		});
		expect([...again.households, ...again.persons, ...again.aliases]).toEqual([]);
	});

	it('updates what the registry changed in its own records, with a version per field', () => {
		const ward = written(emptyWard(), result);
		const moved = plan(
			FILE.replaceAll('12 Bạch Đằng', '14 Bạch Đằng').replaceAll('HK1,1,', 'HK1,2,'),
			ward,
			new Set(),
			LATER
		);
		expect(moved.updated.map((entry) => [entry.kind, entry.changes])).toEqual([
			['household', ['group', 'address.house_number']],
			['person', ['group']],
			['person', ['group']]
		]);
		expect(moved.households[0].edits).toEqual([
			{ field: 'group', n: 1, device_id: REGISTRY_DEVICE, by: 'ward-demo', at: LATER.at },
			{
				field: 'address.house_number',
				n: 1,
				device_id: REGISTRY_DEVICE,
				by: 'ward-demo',
				at: LATER.at
			}
		]);
		expect(moved.households[0]._rev).toBeDefined();
	});
});

describe('planRegistryImport against records made in the field', () => {
	it('links a household by address and head, and its people by citizen ID or name and birth date', () => {
		const household = fieldHousehold();
		const head = fieldPerson(household, { citizen_id: '079080001234', phone: '0901234567' });
		const wife = fieldPerson(household, {
			id: 'person:0b7c1a52-7f0e-4d39-9a55-6f3f3f3b0102',
			full_name: 'Trần Thị Bình',
			birth_date: '1982',
			sex: 'female',
			relation: 'spouse'
		});
		const ward = emptyWard();
		ward.households.set(household.id, household);
		ward.persons.set(head.id, head).set(wife.id, wife);
		const result = plan(FILE, ward);
		expect(result.counts).toMatchObject({
			households_unchanged: 1,
			persons_unchanged: 2,
			households_created: 1,
			persons_created: 1
		});
		const links = [
			[registryHouseholdId(WARD, 'HK1'), household.id],
			[registryPersonId(WARD, 'HK1', { ...head, citizen_id: '079080001234' }), head.id],
			[registryPersonId(WARD, 'HK1', { full_name: 'Trần Thị Bình', birth_date: '1982' }), wife.id]
		];
		expect(result.aliases.map((doc) => [doc._id, doc.from, doc.to])).toEqual(
			links.map(([from, to]) => [aliasDocId(from), from, to])
		);
		const again = plan(FILE, written(ward, result), new Set(), LATER);
		expect([...again.households, ...again.persons, ...again.aliases]).toEqual([]);
	});

	it("keeps the ward's own edits and lists them as conflicts, and fills what is missing", () => {
		const household = fieldHousehold({ head_name: 'Nguyễn Văn An' });
		const head = fieldPerson(household, { full_name: 'Nguyễn Văn An', sex: 'male' });
		const edited = fieldPerson(household, {
			id: 'person:0b7c1a52-7f0e-4d39-9a55-6f3f3f3b0102',
			full_name: 'Trần Thị Bình',
			birth_date: '1982',
			sex: 'female',
			relation: 'other',
			edits: [
				{
					field: 'relation',
					n: 1,
					device_id: 'device-1234-abcd',
					by: 'ctv-demo',
					at: '2026-10-02T00:00:00.000Z'
				}
			]
		});
		const ward = emptyWard();
		ward.households.set(household.id, household);
		ward.persons.set(head.id, head).set(edited.id, edited);
		const result = plan(FILE, ward);
		expect(result.updated.map((entry) => [entry.id, entry.changes])).toEqual([
			[head.id, ['citizen_id']]
		]);
		expect(
			result.conflicts.map((conflict) => [conflict.line, conflict.key, conflict.params])
		).toEqual([
			[3, 'registry.conflict_edited', { field: 'relation', kept: 'other', registry: 'spouse' }]
		]);
		expect(result.conflicts[0].reason).toContain('giữ giá trị của phường');
	});

	it('leaves deleted records deleted and a citizen ID of another household alone', () => {
		// The household HK2 is already linked to holds the citizen ID HK1's head gives.
		const household = fieldHousehold({
			id: registryHouseholdId(WARD, 'HK2'),
			group: '26956-02',
			address: { house_number: '7', street: 'Lê Lợi' },
			head_name: 'Lê Văn Cường'
		});
		const elsewhere = fieldPerson(household, { citizen_id: '079080001234' });
		const ward = emptyWard();
		ward.households.set(household.id, household);
		ward.persons.set(elsewhere.id, elsewhere);
		const cuong = registryPersonId(WARD, 'HK2', {
			full_name: 'Lê Văn Cường',
			birth_date: '2001-01-31'
		});
		const result = plan(FILE, ward, new Set([cuong]));
		expect(result.conflicts.map((conflict) => [conflict.line, conflict.key])).toEqual([
			[2, 'registry.conflict_citizen_id_elsewhere'],
			[4, 'registry.conflict_deleted']
		]);
		expect(result.persons.map((doc) => doc.full_name)).toEqual(['Trần Thị Bình']);
	});
});

describe('near matches', () => {
	it('go to the review list once, from the file and from the ward', () => {
		const household = fieldHousehold();
		const typedInField = fieldPerson(household, {
			full_name: 'Tran Thi Binh',
			birth_date: '1982',
			sex: 'female',
			relation: 'spouse'
		});
		const ward = emptyWard();
		ward.households.set(household.id, household);
		ward.persons.set(typedInField.id, typedInField);
		const text = FILE + 'HK2,2,7 Lê Lợi,,Lê Văn Cườn,2001-01-31,Nam,Con\n';
		const result = plan(text, ward);
		expect(result.reviewEntries.map((entry) => [entry.line, entry.names, entry.kinds])).toEqual([
			[3, expect.arrayContaining(['Tran Thi Binh', 'Trần Thị Bình']), ['diacritics']],
			[4, expect.arrayContaining(['Lê Văn Cường', 'Lê Văn Cườn']), ['name_typo']]
		]);
		expect(result.reviews[0]).toMatchObject({
			type: 'review_item',
			state: 'open',
			source: 'registry_import',
			found_by: 'ward-demo'
		});
		expect(result.counts.reviews_created).toBe(2);

		const after = written(ward, result);
		for (const doc of result.reviews) after.reviews.set(doc._id, { ...doc, _rev: '1-r' });
		const again = plan(text, after, new Set(), LATER);
		expect(again.reviews).toEqual([]);
		expect([...again.households, ...again.persons, ...again.aliases]).toEqual([]);
	});
});
