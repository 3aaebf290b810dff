// Near matches found by the registry import land on the ward's review list, and ward staff
// decide on them through `/api/registry/review` against the real embedded server: merging
// keeps every declaration of both records under the one kept (re-pointed, nothing lost, the
// progress counts one person), the other record is gone and stays gone at the next import;
// keeping apart is remembered. Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractCsv, sendExtract, type ExtractHouseholdLines } from '../support/registry';
import { startStack, type Stack } from '../support/stack';
import { staffCookie, wardDocs, type StoredDoc } from '../support/ward';

let stack: Stack;
let staff: string;

type Entry = {
	id: string;
	kinds: string[];
	persons: { id: string; full_name: string; birth_date: string; declarations: number }[];
};

async function reviews(cookie = staff): Promise<{ status: number; items: Entry[] }> {
	const response = await fetch(`${stack.appUrl}/api/registry/review`, { headers: { cookie } });
	const body = (await response.json()) as { items?: Entry[] };
	return { status: response.status, items: body.items ?? [] };
}

async function decide(body: Record<string, unknown>) {
	const response = await fetch(`${stack.appUrl}/api/registry/review`, {
		method: 'POST',
		headers: { cookie: staff, 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** One letter changed in the last word of a name: "Nguyễn Văn An" → "Nguyễn Văn Ax". */
function typo(name: string): string {
	return name.slice(0, -1) + (name.endsWith('x') ? 'y' : 'x');
}

let household: StoredDoc;
let members: (StoredDoc & { sex?: string })[];
let declaredMember: StoredDoc;
let declarationIds: string[];
let before: { persons: number; persons_declared: number };

async function progressCounts(): Promise<{ persons: number; persons_declared: number }> {
	const response = await fetch(`${stack.appUrl}/api/progress?unit=26956`, {
		headers: { cookie: staff }
	});
	const { counts } = (await response.json()) as {
		counts: { persons: number; persons_declared: number };
	};
	return { persons: counts.persons, persons_declared: counts.persons_declared };
}

beforeAll(async () => {
	stack = await startStack({ households: 8 });
	staff = await staffCookie(stack, 'ward-demo');
	const docs = await wardDocs(stack);
	const declarations = docs.filter((doc) => doc.type === 'declaration');
	const persons = docs.filter((doc) => doc.type === 'person');
	const households = docs.filter((doc) => doc.type === 'household');
	const personOf = (declaration: StoredDoc) =>
		(declaration as unknown as { person: string }).person;
	const hasDeclared = (person: StoredDoc) =>
		declarations.some((declaration) => personOf(declaration) === person._id);
	// A member (not the head) with a citizen ID who has declared: the registry lists the
	// household's head, and that member with a typo in the name and no citizen ID.
	const chosen = persons.find(
		(person) => person.relation !== 'head' && 'citizen_id' in person && hasDeclared(person)
	);
	if (!chosen) throw new Error('the demo should have a declared member with a citizen ID');
	declaredMember = chosen;
	household = households.find((candidate) => candidate._id === chosen.household) as StoredDoc;
	members = persons.filter((person) => person.household === household._id);
	declarationIds = declarations
		.filter((declaration) => personOf(declaration) === declaredMember._id)
		.map((declaration) => declaration._id);
	before = await progressCounts();
});
afterAll(async () => {
	await stack?.stop();
});

function extract(): string {
	const head = members.find((person) => person.relation === 'head') as StoredDoc & {
		sex: string;
		citizen_id?: string;
	};
	const member = declaredMember as StoredDoc & { sex: string; citizen_id?: string };
	const line = (person: typeof head, name: string, relation: string) => ({
		...(person.citizen_id ? { citizen_id: person.citizen_id } : {}),
		full_name: name,
		birth_date: String(person.birth_date),
		sex: person.sex === 'female' ? ('Nữ' as const) : ('Nam' as const),
		relation
	});
	const households: ExtractHouseholdLines[] = [
		{
			code: 'HK-REVIEW',
			group: String(household.group),
			address: `${household.address?.house_number} ${household.address?.street}`,
			members: [
				line(head, String(head.full_name), 'Chủ hộ'),
				// Without the member's citizen ID, so the typo is a near match, not the same person.
				{ ...line(member, typo(String(member.full_name)), 'Khác'), citizen_id: undefined }
			]
		},
		{
			code: 'HK-TWINS',
			group: String(household.group),
			address: '99 Đường Thử',
			members: [
				{ full_name: 'Võ Thị Hà', birth_date: '01/02/1990', sex: 'Nữ', relation: 'Chủ hộ' },
				{ full_name: 'Võ Thị Hạ', birth_date: '01/02/1990', sex: 'Nữ', relation: 'Em' }
			]
		}
	];
	return extractCsv(households);
}

describe('near matches from the registry import', () => {
	it('land on the review list, once', async () => {
		const answer = await sendExtract(stack, extract(), { cookie: staff });
		expect(answer.status).toBe(200);
		expect(answer.report?.counts).toMatchObject({ reviews_created: 2, households_created: 1 });
		const { items } = await reviews();
		expect(items.map((item) => item.kinds)).toEqual([['name_typo'], ['diacritics']]);
		const pair = items[0].persons.map((person) => person.full_name).sort();
		expect(pair).toEqual([declaredMember.full_name, typo(String(declaredMember.full_name))].sort());
		const again = await sendExtract(stack, extract(), { cookie: staff });
		expect(again.report).toMatchObject({ written: 0, counts: { reviews_created: 0 } });
		expect((await reviews()).items).toHaveLength(2);
	});

	it('are for the ward staff alone', async () => {
		expect((await reviews(await staffCookie(stack, 'ctv-demo'))).status).toBe(403);
	});
});

describe('merging', () => {
	it('keeps every declaration of both under the record kept, and the other stays gone', async () => {
		const { items } = await reviews();
		const item = items.find((entry) => entry.kinds.includes('name_typo')) as Entry;
		const registryRecord = item.persons.find((person) => person.id !== declaredMember._id)!;
		expect(item.persons.find((person) => person.id === declaredMember._id)?.declarations).toBe(
			declarationIds.length
		);
		const answer = await decide({ id: item.id, action: 'merge', keep: registryRecord.id });
		expect(answer.status).toBe(200);
		expect(answer.body.outcome).toMatchObject({
			state: 'merged',
			declarations_moved: declarationIds.length
		});

		const docs = await wardDocs(stack);
		const moved = docs.filter((doc) => declarationIds.includes(doc._id)) as (StoredDoc & {
			person: string;
			stamp: { by: string };
		})[];
		expect(moved).toHaveLength(declarationIds.length);
		for (const declaration of moved) {
			expect(declaration.person).toBe(registryRecord.id);
			expect(declaration.household).toBe(household._id);
			expect(declaration.stamp.by).toBe('ward-demo');
		}
		expect(docs.some((doc) => doc._id === declaredMember._id)).toBe(false);
		const kept = docs.find((doc) => doc._id === registryRecord.id) as StoredDoc & {
			citizen_id?: string;
		};
		expect(kept.citizen_id).toMatch(/^\d{12}$/);
		expect(kept.citizen_id).toBe((declaredMember as { citizen_id?: string }).citizen_id);
		// The twins are two more people; the typo record took the merged one's place and its
		// declarations, so the ward counts the same people declared.
		expect(await progressCounts()).toEqual({
			persons: before.persons + 2,
			persons_declared: before.persons_declared
		});
		expect((await reviews()).items.map((entry) => entry.kinds)).toEqual([['diacritics']]);

		const again = await sendExtract(stack, extract(), { cookie: staff });
		expect(again.report).toMatchObject({
			written: 0,
			counts: { persons_created: 0, reviews_created: 0 }
		});
	});

	it('is refused twice', async () => {
		const { rows } = await stack.couch.json<{ rows: { id: string; doc: { state: string } }[] }>(
			'ward_26956/_all_docs',
			{ query: { include_docs: true, startkey: '"review_item:"', endkey: '"review_item:\ufff0"' } }
		);
		const merged = rows.find((row) => row.doc.state === 'merged') as { id: string };
		const answer = await decide({ id: merged.id, action: 'keep_apart' });
		expect(answer.status).toBe(409);
	});
});

describe('keeping apart', () => {
	it('is remembered: the pair does not come back', async () => {
		const [twins] = (await reviews()).items;
		expect((await decide({ id: twins.id, action: 'keep_apart' })).status).toBe(200);
		expect((await reviews()).items).toEqual([]);
		await sendExtract(stack, extract(), { cookie: staff });
		expect((await reviews()).items).toEqual([]);
		const docs = await wardDocs(stack);
		expect(
			docs.filter((doc) => doc.full_name === 'Võ Thị Hà' || doc.full_name === 'Võ Thị Hạ')
		).toHaveLength(2);
	});
});
