// Importing a ward's population registry extract through `POST /api/registry/import` against
// the real embedded server: only the ward's staff may; a bad file (wrong encoding, missing
// columns, bad citizen IDs, impossible dates, a half-written file) is answered by line and
// writes nothing; a dry run writes nothing; the real run writes the records under ids from
// the registry's keys, a second run (or the same extract saved as Windows-1258) changes
// nothing, and a run stopped midway is finished by the next one without writing anything
// twice. Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_DEVICE } from '../../src/lib/server/registry/keys';
import { checkExtract, planExtract, writePlan } from '../../src/lib/server/registry/import';
import { windows1258 } from '../../src/lib/server/registry/windows-1258.test-support';
import { revisions, updateSeq } from '../support/org';
import { extractCsv, sendExtract, type ExtractHouseholdLines } from '../support/registry';
import { startStack, type Stack } from '../support/stack';
import { staffCookie, WARD_DATABASE, wardDocs } from '../support/ward';

let stack: Stack;
let staff: string;

const HOUSEHOLDS: ExtractHouseholdLines[] = [
	{
		code: 'HK-0001',
		group: '1',
		address: '101 Đường Số 9',
		members: [
			{
				citizen_id: '079080001234',
				full_name: 'Nguyễn Văn Phước',
				birth_date: '12/03/1980',
				sex: 'Nam',
				relation: 'Chủ hộ'
			},
			{
				citizen_id: '079182004567',
				full_name: 'Trần Thị Ngọc Ánh',
				birth_date: '1982',
				sex: 'Nữ',
				relation: 'Vợ'
			},
			{ full_name: 'Nguyễn Gia Bảo', birth_date: '05/09/2015', sex: 'Nam', relation: 'Con' }
		]
	},
	{
		code: 'HK-0002',
		group: '2',
		address: '7/2 Hẻm 45 Lê Quang Định',
		members: [
			{
				citizen_id: '079201007890',
				full_name: 'Lê Hoàng Đức',
				birth_date: '2001-01-31',
				sex: 'Nam',
				relation: 'Chủ hộ'
			}
		]
	}
];
const EXTRACT = extractCsv(HOUSEHOLDS);

beforeAll(async () => {
	stack = await startStack({ households: 8 });
	staff = await staffCookie(stack, 'ward-demo');
});
afterAll(async () => {
	await stack?.stop();
});

describe('who may import', () => {
	it('refuses anyone signed out (401) and anyone but ward staff (403)', async () => {
		expect((await sendExtract(stack, EXTRACT)).status).toBe(401);
		for (const username of ['ctv-demo', 'city-demo', 'admin-demo']) {
			const answer = await sendExtract(stack, EXTRACT, {
				cookie: await staffCookie(stack, username)
			});
			expect(answer.status, username).toBe(403);
			expect(answer.text).toContain('Chỉ trạm y tế phường');
		}
	});
});

describe('a bad file', () => {
	const cases: [string, Uint8Array<ArrayBuffer> | string, [number, string][]][] = [
		[
			'in TCVN3',
			new Uint8Array([
				...new TextEncoder().encode(EXTRACT.split('\n').slice(0, 2).join('\n') + '\nHK9,1,1 A,,'),
				0x48,
				0xb5,
				0x20,
				0x4e,
				0xe9,
				0x69,
				...new TextEncoder().encode(',1990,Nam,Chủ hộ\n')
			]),
			[[3, 'registry.encoding']]
		],
		[
			'without the citizen_id and sex columns',
			'household_code,group,address,full_name,birth_date,relation\nHK1,1,1 A,An,1990,Chủ hộ\n',
			[
				[1, 'registry.missing_column'],
				[1, 'registry.missing_column']
			]
		],
		[
			'with bad citizen IDs and impossible dates',
			EXTRACT.replace('079080001234', '07908000123').replace('05/09/2015', '31/02/2015'),
			[
				[2, 'registry.cccd_format'],
				[4, 'registry.date_not_exist']
			]
		],
		['cut off in its last line', EXTRACT.slice(0, -30), [[5, 'registry.cut_off']]],
		[
			'with a quotation mark never closed',
			EXTRACT.replace('7/2 Hẻm 45 Lê Quang Định', '"7/2 Hẻm 45'),
			[[5, 'registry.cut_off_quote']]
		]
	];

	for (const [name, body, expected] of cases) {
		it(`${name} is answered by line in both languages and writes nothing`, async () => {
			const before = await updateSeq(stack.couch, WARD_DATABASE);
			const answer = await sendExtract(stack, new Blob([body]), { cookie: staff });
			expect(answer.status).toBe(422);
			expect(answer.report?.ok).toBe(false);
			expect(answer.report?.problems.map((problem) => [problem.line, problem.key])).toEqual(
				expected
			);
			expect(answer.report?.problems[0].reason).toMatch(/ \/ /);
			expect(await updateSeq(stack.couch, WARD_DATABASE)).toBe(before);
		});
	}
});

describe('a good extract', () => {
	it('is described by a dry run that writes nothing', async () => {
		const before = await updateSeq(stack.couch, WARD_DATABASE);
		const answer = await sendExtract(stack, EXTRACT, { cookie: staff, dryRun: true });
		expect(answer.status).toBe(200);
		expect(answer.report).toMatchObject({
			dry_run: true,
			ok: true,
			format: 'csv',
			encoding: 'utf-8',
			rows: 4,
			households: 2,
			persons: 4,
			written: 0,
			counts: { households_created: 2, persons_created: 4, conflicts: 0 }
		});
		expect(answer.report?.created.map((entry) => [entry.line, entry.kind, entry.name])).toEqual([
			[2, 'household', 'Nguyễn Văn Phước'],
			[2, 'person', 'Nguyễn Văn Phước'],
			[3, 'person', 'Trần Thị Ngọc Ánh'],
			[4, 'person', 'Nguyễn Gia Bảo'],
			[5, 'household', 'Lê Hoàng Đức'],
			[5, 'person', 'Lê Hoàng Đức']
		]);
		expect(await updateSeq(stack.couch, WARD_DATABASE)).toBe(before);
	});

	it('is written by the real run, stamped as the gateway stamps', async () => {
		const answer = await sendExtract(stack, EXTRACT, { cookie: staff });
		expect(answer.status).toBe(200);
		expect(answer.report).toMatchObject({ dry_run: false, written: 6 });
		const docs = await wardDocs(stack);
		const phuoc = docs.find((doc) => doc.full_name === 'Nguyễn Văn Phước') as Record<
			string,
			unknown
		>;
		expect(phuoc).toMatchObject({
			type: 'person',
			ward: '26956',
			group: '26956-01',
			birth_date: '1980-03-12',
			citizen_id: '079080001234',
			relation: 'head',
			stamp: { by: 'ward-demo', device_id: REGISTRY_DEVICE },
			audit: { created_by: 'ward-demo', updated_by: 'ward-demo', device_id: REGISTRY_DEVICE }
		});
		const household = docs.find((doc) => doc._id === phuoc.household);
		expect(household).toMatchObject({
			address: { house_number: '101', street: 'Đường Số 9' },
			head_name: 'Nguyễn Văn Phước'
		});
	});

	it('changes nothing when run again, even saved as Windows-1258', async () => {
		const before = await revisions(stack.couch, WARD_DATABASE);
		const seq = await updateSeq(stack.couch, WARD_DATABASE);
		for (const [body, encoding] of [
			[EXTRACT, 'utf-8'],
			[windows1258(EXTRACT), 'windows-1258']
		] as const) {
			const answer = await sendExtract(stack, new Blob([body]), { cookie: staff });
			expect(answer.status).toBe(200);
			expect(answer.report).toMatchObject({
				encoding,
				written: 0,
				counts: { households_unchanged: 2, persons_unchanged: 4, households_created: 0 }
			});
		}
		expect(await updateSeq(stack.couch, WARD_DATABASE)).toBe(seq);
		expect(await revisions(stack.couch, WARD_DATABASE)).toEqual(before);
	});
});

describe('a run stopped midway', () => {
	it('is finished by the next run, writing nothing twice', async () => {
		const households: ExtractHouseholdLines[] = Array.from({ length: 300 }, (_, index) => ({
			code: `HK-R${index}`,
			group: String((index % 3) + 1),
			address: `${index + 1} Đường Số ${index % 20}`,
			members: [
				{
					full_name: `Phạm Văn Hùng`,
					birth_date: String(1950 + (index % 50)),
					sex: 'Nam',
					relation: 'Chủ hộ'
				},
				{
					full_name: `Phạm Thị Lan`,
					birth_date: String(1952 + (index % 50)),
					sex: 'Nữ',
					relation: 'Vợ'
				}
			]
		}));
		const bytes = new TextEncoder().encode(extractCsv(households));
		const checked = await checkExtract(stack.couch, bytes, '26956', false, performance.now());
		if (!checked.ok) throw new Error('the extract should pass its checks');
		const plan = await planExtract(stack.couch, checked.households, {
			ward: '26956',
			user: 'ward-demo'
		});
		expect(plan.households.length + plan.persons.length).toBe(900);
		// The process dies once the first batch of 500 is in.
		await expect(
			writePlan(stack.couch, '26956', plan, ({ done }) => {
				if (done >= 500) throw new Error('killed');
			})
		).rejects.toThrow('killed');

		const answer = await sendExtract(stack, new Blob([bytes]), { cookie: staff });
		expect(answer.report).toMatchObject({
			written: 400,
			counts: {
				households_created: 0,
				persons_created: 400,
				persons_unchanged: 200,
				households_unchanged: 300
			}
		});
		const ids = new Set([...plan.households, ...plan.persons].map((doc) => doc._id));
		const written = [...(await revisions(stack.couch, WARD_DATABASE)).entries()].filter(([id]) =>
			ids.has(id)
		);
		expect(written).toHaveLength(900);
		expect(written.filter(([, rev]) => !rev.startsWith('1-'))).toEqual([]);
	});
});
