// Moving a unit under another parent, against a real embedded CouchDB and through the
// command lines: paths are rewritten in hssk_org for the unit and everything below it, and
// not one document of the ward's database changes (its update sequence and every revision
// stay as they were). Refused moves write nothing.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCouch, type EmbeddedCouch } from '../../couch/embedded';
import { provision } from '../../couch/provision';
import { DEMO_GROUP_CODES, DEMO_WARD_CODE } from '../../couch/seed/demo';
import { seedDemo } from '../../couch/seed/seed-demo';
import { CouchClient } from '../../src/lib/server/couch/client';
import { moveUnit } from '../../src/lib/server/org/move';
import { revisions, storedUnits, updateSeq } from '../support/org';

const run = promisify(execFile);
const WARD_DB = `ward_${DEMO_WARD_CODE}`;

let dataDir: string;
let couch: EmbeddedCouch;
let client: CouchClient;

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'hssk-org-move-'));
	couch = await startEmbeddedCouch({
		dataDir,
		inMemory: true,
		user: 'admin',
		password: 'org-move'
	});
	client = new CouchClient(couch);
	await provision(client, [DEMO_WARD_CODE]);
	await seedDemo(client, { households: 20 });
});

afterAll(async () => {
	await couch?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

/** Runs one of the npm scripts' entry points against the embedded server. */
async function script(file: string, args: string[]): Promise<{ code: number; output: string }> {
	try {
		const { stdout, stderr } = await run('npx', ['tsx', file, ...args], {
			env: {
				...process.env,
				COUCHDB_URL: couch.url,
				COUCHDB_USER: couch.user,
				COUCHDB_PASSWORD: couch.password
			}
		});
		return { code: 0, output: stdout + stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, output: failed.stdout + failed.stderr };
	}
}

describe('moving a ward', () => {
	it('rewrites the paths of the ward and its groups and not one ward document', async () => {
		const wardRevs = await revisions(client, WARD_DB);
		const wardSeq = await updateSeq(client, WARD_DB);
		expect(wardRevs.size).toBeGreaterThan(50);

		const result = await moveUnit(client, DEMO_WARD_CODE, '79');
		expect(result).toEqual({
			code: DEMO_WARD_CODE,
			parent: '79',
			written: 1 + DEMO_GROUP_CODES.length,
			below: DEMO_GROUP_CODES.length
		});
		const units = await storedUnits(client);
		expect(units.get(DEMO_WARD_CODE)).toMatchObject({ parent: '79', path: ['79', DEMO_WARD_CODE] });
		for (const group of DEMO_GROUP_CODES) {
			expect(units.get(group)?.path).toEqual(['79', DEMO_WARD_CODE, group]);
		}
		expect(await updateSeq(client, WARD_DB)).toBe(wardSeq);
		expect(await revisions(client, WARD_DB)).toEqual(wardRevs);

		const tree = await client.json<{ rows: { key: string[] }[] }>(
			'hssk_org/_design/tree/_view/by_path',
			{
				query: {
					startkey: JSON.stringify(['79', DEMO_WARD_CODE]),
					endkey: JSON.stringify(['79', DEMO_WARD_CODE, {}])
				}
			}
		);
		expect(tree.rows).toHaveLength(1 + DEMO_GROUP_CODES.length);
	});

	it('writes nothing when moved to where it already is', async () => {
		const orgSeq = await updateSeq(client, 'hssk_org');
		expect((await moveUnit(client, DEMO_WARD_CODE, '79')).written).toBe(0);
		expect(await updateSeq(client, 'hssk_org')).toBe(orgSeq);
	});

	it('moves it back under its district from the command line', async () => {
		const wardSeq = await updateSeq(client, WARD_DB);
		const { code, output } = await script('couch/org-move-cli.ts', [DEMO_WARD_CODE, '765']);
		expect(code, output).toBe(0);
		expect(output).toContain('13');
		const units = await storedUnits(client);
		expect(units.get(DEMO_GROUP_CODES[0])?.path).toEqual([
			'79',
			'765',
			DEMO_WARD_CODE,
			DEMO_GROUP_CODES[0]
		]);
		expect(await updateSeq(client, WARD_DB)).toBe(wardSeq);
	});

	it('refuses a cycle and a wrong level, writing nothing', async () => {
		const orgSeq = await updateSeq(client, 'hssk_org');
		await expect(moveUnit(client, '765', DEMO_WARD_CODE)).rejects.toMatchObject({
			key: 'org.cycle'
		});
		await expect(moveUnit(client, '79', '765')).rejects.toMatchObject({ key: 'org.cycle' });
		await expect(moveUnit(client, DEMO_GROUP_CODES[0], '765')).rejects.toMatchObject({
			key: 'org.group_parent'
		});
		const { code, output } = await script('couch/org-move-cli.ts', ['765', DEMO_WARD_CODE]);
		expect(code).toBe(1);
		expect(output).toContain('Không thể đặt "765" dưới chính nó');
		expect(output).toContain('Cannot put "765" under itself');
		expect(await updateSeq(client, 'hssk_org')).toBe(orgSeq);
	});
});

describe('importing from the command line', () => {
	it('checks a file in a dry run, imports it, and the second run changes nothing', async () => {
		const file = join(dataDir, 'units.csv');
		writeFileSync(
			file,
			'code,level,name,parent\n26953,ward,Phường 25,765\n26953-01,group,Tổ dân phố 1,26953\n'
		);
		const dry = await script('couch/org-import-cli.ts', [file, '--dry-run']);
		expect(dry.code, dry.output).toBe(0);
		expect(dry.output).toMatch(/created:\s+2/);
		expect(await client.databaseExists('ward_26953')).toBe(false);

		const real = await script('couch/org-import-cli.ts', [file]);
		expect(real.code, real.output).toBe(0);
		expect(real.output).toContain('documents written: 2');
		expect(await client.databaseExists('ward_26953')).toBe(true);

		const orgSeq = await updateSeq(client, 'hssk_org');
		const again = await script('couch/org-import-cli.ts', [file]);
		expect(again.output).toMatch(/unchanged: 2/);
		expect(again.output).toContain('documents written: 0');
		expect(await updateSeq(client, 'hssk_org')).toBe(orgSeq);
	});

	it('refuses a bad file with exit code 1 and the problems by line', async () => {
		const file = join(dataDir, 'bad.csv');
		writeFileSync(file, 'code,level,name,parent\n26960,ward,Phường 30,766\n');
		const { code, output } = await script('couch/org-import-cli.ts', [file]);
		expect(code).toBe(1);
		expect(output).toContain('dòng / line 2: Đơn vị cấp trên "766"');
	});
});
