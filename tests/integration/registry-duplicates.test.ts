// A collaborator's phone sends a person the ward already holds in another group (which the
// phone never saw): the gateway stores it as sent (it flags, never refuses) and puts the pair
// on the ward's review list, once, whether the match is the citizen ID or the folded name and
// birth date. Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type Person } from '../../src/lib/domain';
import { startStack, type Stack } from '../support/stack';
import { staffCookie, WARD_DATABASE, wardDocs } from '../support/ward';

const DEVICE_ID = 'ward-office-0001';

let stack: Stack;
let collaborator: string;
let staff: string;
let elsewhere: Person & { _id: string };
let household: { _id: string };

type Item = { id: string; kinds: string[]; persons: { id: string }[] };

async function reviewItems(): Promise<Item[]> {
	const response = await fetch(`${stack.appUrl}/api/registry/review`, {
		headers: { cookie: staff }
	});
	return ((await response.json()) as { items: Item[] }).items;
}

/** The check runs after the write is answered: wait for its item. */
async function itemFor(person: string): Promise<Item> {
	const deadline = Date.now() + 20_000;
	while (Date.now() < deadline) {
		const item = (await reviewItems()).find((entry) => entry.persons.some((p) => p.id === person));
		if (item) return item;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`no review item for ${person}`);
}

function newPerson(fields: Partial<Person>) {
	const now = new Date().toISOString();
	return {
		_id: newId('person'),
		type: 'person',
		ward: '26956',
		group: '26956-01',
		household: household._id,
		full_name: 'Người Mới',
		birth_date: '1990',
		sex: 'male',
		relation: 'other',
		audit: {
			created_at: now,
			created_by: 'ctv-demo',
			updated_at: now,
			updated_by: 'ctv-demo',
			device_id: DEVICE_ID
		},
		...fields
	};
}

async function push(docs: unknown[]) {
	const response = await fetch(`${stack.appUrl}/db/${WARD_DATABASE}/_bulk_docs`, {
		method: 'POST',
		headers: { cookie: collaborator, 'content-type': 'application/json' },
		body: JSON.stringify({ docs })
	});
	expect(response.status).toBe(201);
	return (await response.json()) as { ok?: boolean; error?: string }[];
}

beforeAll(async () => {
	stack = await startStack({ households: 30 });
	collaborator = await staffCookie(stack, 'ctv-demo');
	staff = await staffCookie(stack, 'ward-demo');
	const docs = await wardDocs(stack);
	household = docs.find((doc) => doc.type === 'household' && doc.group === '26956-01') as {
		_id: string;
	};
	elsewhere = docs.find(
		(doc) =>
			doc.type === 'person' &&
			doc.group !== '26956-01' &&
			'citizen_id' in doc &&
			String(doc.birth_date).length === 10
	) as unknown as Person & { _id: string };
	if (!household || !elsewhere)
		throw new Error('the demo lacks a household of group 1 or a person elsewhere');
});
afterAll(async () => {
	await stack?.stop();
});

describe('a person added twice in the field', () => {
	it('is stored, and flagged by folded name and birth date', async () => {
		const typedWithoutMarks = newPerson({
			full_name: elsewhere.full_name
				.normalize('NFD')
				.replace(/[\u0300-\u036f]/g, '')
				.replace(/đ/g, 'd')
				.replace(/Đ/g, 'D'),
			birth_date: elsewhere.birth_date,
			sex: elsewhere.sex
		});
		const [row] = await push([typedWithoutMarks]);
		expect(row.ok).toBe(true);
		const item = await itemFor(typedWithoutMarks._id);
		expect(item.kinds).toEqual(['same_name_birth']);
		expect(item.persons.map((person) => person.id).sort()).toEqual(
			[typedWithoutMarks._id, elsewhere._id].sort()
		);
		const stored = (await wardDocs(stack)).find((doc) => doc._id === typedWithoutMarks._id);
		expect(stored?.full_name).toBe(typedWithoutMarks.full_name);
	});

	it('is flagged by citizen ID under another name', async () => {
		const sameId = newPerson({
			full_name: 'Tên Khác Hẳn',
			birth_date: elsewhere.birth_date,
			sex: elsewhere.sex,
			citizen_id: elsewhere.citizen_id
		});
		const [row] = await push([sameId]);
		expect(row.ok).toBe(true);
		expect((await itemFor(sameId._id)).kinds).toEqual(['same_citizen_id']);
	});

	it('is not flagged for someone else, and a pair is listed once', async () => {
		const before = (await reviewItems()).length;
		const stranger = newPerson({
			full_name: 'Lạ Hoắc Tên',
			birth_date: elsewhere.birth_date,
			sex: elsewhere.sex
		});
		expect((await push([stranger]))[0].ok).toBe(true);
		// An edit of the record already flagged is not an addition: nothing new either.
		const flagged = (await wardDocs(stack)).find((doc) => doc.full_name === 'Tên Khác Hẳn') as {
			_id: string;
			_rev: string;
		};
		const edited = {
			...newPerson({
				full_name: 'Tên Khác Hẳn',
				birth_date: elsewhere.birth_date,
				sex: elsewhere.sex,
				citizen_id: elsewhere.citizen_id,
				phone: '0901234567'
			}),
			_id: flagged._id,
			_rev: flagged._rev
		};
		expect((await push([edited]))[0].ok).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect((await reviewItems()).length).toBe(before);
		expect(stack.appLog()).not.toContain('registry.duplicates_check_failed');
	});
});
