// Importing org units through `POST /api/org/import` against the real embedded server: only
// an administrator may; a bad file is answered by line and writes nothing; the 2021 tree
// (with districts) and the 2025 one (wards under the city) both import, new wards get their
// databases, re-parenting rewrites no ward document, and a second run changes nothing.
// Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/lib/domain';
import { startStack, type Stack } from '../support/stack';
import { revisions, storedUnits, updateSeq } from '../support/org';
import { staffCookie } from '../support/ward';

let stack: Stack;
let admin: string;

const HEADER = 'code,level,name,parent,cadence_months,hotline\n';

/** 2021: a second ward of Bình Thạnh and a new district with a ward of its own. */
const TREE_2021 =
	HEADER +
	'26953,ward,Phường 25,765,,\n' +
	'26953-01,group,Tổ dân phố 1,26953,,\n' +
	'26953-02,group,Tổ dân phố 2,26953,3,\n' +
	'761,district,Quận 12,79,,\n' +
	'26734,ward,Phường Thạnh Xuân,761,6,0283 891 0000\n' +
	'26734-01,group,Tổ dân phố 1,26734,,\n';

/** 2025: the district level gone, every ward straight under the city. */
const TREE_2025 =
	HEADER +
	'26956,ward,Phường 27,79,,\n' +
	'26953,ward,Phường 25,79,,\n' +
	'26734,ward,Phường Thạnh Xuân,79,,\n';

beforeAll(async () => {
	stack = await startStack({ households: 12 });
	admin = await staffCookie(stack, 'admin-demo');
});
afterAll(async () => {
	await stack?.stop();
});

async function send(
	body: BodyInit,
	options: { cookie?: string; dryRun?: boolean; accept?: string } = {}
): Promise<{ status: number; report?: ImportReport; text: string; type: string }> {
	const response = await fetch(
		`${stack.appUrl}/api/org/import${options.dryRun ? '?dry_run=1' : ''}`,
		{
			method: 'POST',
			headers: {
				'content-type': 'text/csv',
				...(options.cookie ? { cookie: options.cookie } : {}),
				...(options.accept ? { accept: options.accept } : {})
			},
			body
		}
	);
	const text = await response.text();
	const type = response.headers.get('content-type') ?? '';
	const report =
		type.includes('json') && !type.includes('ndjson')
			? (JSON.parse(text) as { report?: ImportReport }).report
			: undefined;
	return { status: response.status, report, text, type };
}

describe('who may import', () => {
	it('refuses anyone signed out (401) and anyone but an administrator (403)', async () => {
		expect((await send(TREE_2021)).status).toBe(401);
		for (const username of ['ward-demo', 'ctv-demo', 'city-demo']) {
			const cookie = await staffCookie(stack, username);
			const answer = await send(TREE_2021, { cookie });
			expect(answer.status, username).toBe(403);
			expect(answer.text).toContain('Chỉ quản trị viên');
		}
		expect((await storedUnits(stack.couch)).has('26953')).toBe(false);
	});
});

describe('a bad file', () => {
	it('is answered by line in both languages and writes nothing', async () => {
		const orgSeq = await updateSeq(stack.couch, 'hssk_org');
		const answer = await send(
			HEADER +
				'26953,ward,Phường 25,765,,\n' +
				'26960,ward,Phường 30,766,,\n' +
				'2695,ward,Phường lạ,765,,\n' +
				'26953,ward,Phường 25 lần hai,765,7,\n',
			{ cookie: admin }
		);
		expect(answer.status).toBe(422);
		expect(answer.report?.ok).toBe(false);
		expect(answer.report?.problems.map((problem) => [problem.line, problem.key])).toEqual([
			[3, 'org.parent_unknown'],
			[4, 'org.code_level'],
			[5, 'org.cadence_invalid'],
			[5, 'org.duplicate_code']
		]);
		expect(answer.report?.problems[0].reason).toBe(
			'Đơn vị cấp trên "766" không có trong tệp cũng như trong danh mục hiện có / ' +
				'Parent "766" is neither in the file nor in the existing tree'
		);
		expect(await updateSeq(stack.couch, 'hssk_org')).toBe(orgSeq);
		expect(await stack.couch.databaseExists('ward_26953')).toBe(false);
	});

	it('in Windows-1258 is refused with the line where it shows', async () => {
		const ascii = new TextEncoder().encode(HEADER + '26953,ward,');
		// "Phường 25" as Windows-1258 writes it: not UTF-8.
		const cp1258 = new Uint8Array([0x50, 0x68, 0xfd, 0xf5, 0xcc, 0x6e, 0x67, 0x20, 0x32, 0x35]);
		const tail = new TextEncoder().encode(',765,,\n');
		const answer = await send(new Blob([ascii, cp1258, tail]), { cookie: admin });
		expect(answer.status).toBe(422);
		expect(answer.report?.problems).toEqual([
			expect.objectContaining({ line: 2, key: 'org.csv_encoding' })
		]);
		expect(answer.report?.problems[0].reason).toContain('CSV UTF-8');
	});
});

describe('importing the tree of 2021, then that of 2025', () => {
	it('shows in a dry run what would change, writing nothing', async () => {
		const orgSeq = await updateSeq(stack.couch, 'hssk_org');
		const answer = await send(TREE_2021, { cookie: admin, dryRun: true });
		expect(answer.status).toBe(200);
		expect(answer.report).toMatchObject({ ok: true, dry_run: true, rows: 6, written: 0 });
		expect(answer.report?.created.map((unit) => unit.code)).toEqual([
			'26953',
			'26953-01',
			'26953-02',
			'761',
			'26734',
			'26734-01'
		]);
		expect(answer.report?.wards_provisioned).toEqual(['26953', '26734']);
		expect(await updateSeq(stack.couch, 'hssk_org')).toBe(orgSeq);
		expect(await stack.couch.databaseExists('ward_26953')).toBe(false);
	});

	it('writes the three-level tree with its paths and makes the new wards databases', async () => {
		const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
		const answer = await send(new Blob([bom, TREE_2021]), { cookie: admin });
		expect(answer.status).toBe(200);
		expect(answer.report).toMatchObject({ ok: true, dry_run: false, written: 6 });
		console.log(`import of 6 rows with 2 new ward databases: ${answer.report?.elapsed_ms} ms`);
		const units = await storedUnits(stack.couch);
		expect(units.get('26734-01')?.path).toEqual(['79', '761', '26734', '26734-01']);
		expect(units.get('26734')?.hotline).toBe('0283 891 0000');
		expect(units.get('26953-01')?.cadence_months).toBe(6);
		expect(units.get('26953-02')?.cadence_months).toBe(3);
		for (const ward of ['ward_26953', 'ward_26734']) {
			expect(await stack.couch.databaseExists(ward)).toBe(true);
			for (const design of ['progress', 'gateway', 'claim', 'identity']) {
				expect(
					await stack.couch.getDoc(ward, `_design/${design}`),
					`${ward} ${design}`
				).not.toBeNull();
			}
		}
	});

	it('moves every ward under the city without touching a ward document', async () => {
		const wardRevs = await revisions(stack.couch, 'ward_26956');
		const wardSeq = await updateSeq(stack.couch, 'ward_26956');
		const answer = await send(TREE_2025, { cookie: admin });
		expect(answer.report).toMatchObject({ ok: true, paths_rewritten: 12 + 2 + 1 });
		expect(answer.report?.updated.map((unit) => [unit.code, unit.changes])).toEqual([
			['26956', ['parent', 'path']],
			['26953', ['parent', 'path']],
			['26734', ['parent', 'path']]
		]);
		const units = await storedUnits(stack.couch);
		expect(units.get('26956-01')?.path).toEqual(['79', '26956', '26956-01']);
		expect(units.get('26734-01')?.path).toEqual(['79', '26734', '26734-01']);
		expect(await updateSeq(stack.couch, 'ward_26956')).toBe(wardSeq);
		expect(await revisions(stack.couch, 'ward_26956')).toEqual(wardRevs);
		// Ward staff still sign in to their ward, now under the city.
		const response = await fetch(`${stack.appUrl}/api/session`, {
			headers: { cookie: await staffCookie(stack, 'ward-demo') }
		});
		const { user } = (await response.json()) as { user: { ward: { code: string } } };
		expect(user.ward.code).toBe('26956');
	});

	it('changes nothing when the same files are imported again', async () => {
		const orgSeq = await updateSeq(stack.couch, 'hssk_org');
		const answer = await send(TREE_2025, { cookie: admin });
		expect(answer.report).toMatchObject({
			ok: true,
			written: 0,
			unchanged: 3,
			created: [],
			updated: [],
			paths_rewritten: 0,
			wards_provisioned: []
		});
		expect(await updateSeq(stack.couch, 'hssk_org')).toBe(orgSeq);
	});

	it('reports progress line by line to a caller that asks for it', async () => {
		const answer = await send(
			HEADER + '26953-03,group,Tổ dân phố 3,26953,,\n' + '26956,ward,Phường 27,79,,\n',
			{ cookie: admin, accept: 'application/x-ndjson' }
		);
		expect(answer.status).toBe(200);
		expect(answer.type).toContain('application/x-ndjson');
		const lines = answer.text
			.trim()
			.split('\n')
			.map(
				(line) => JSON.parse(line) as { progress?: unknown; status?: number; report?: ImportReport }
			);
		expect(lines[0].progress).toEqual({ done: 0, total: 2 });
		const last = lines[lines.length - 1];
		expect(last.status).toBe(200);
		expect(last.report?.created.map((unit) => unit.code)).toEqual(['26953-03']);
		expect(last.report?.unchanged).toBe(1);
	});
});
