// Merging two wards of two districts into a new ward under the city, against the real
// embedded server and the built app: a run that crashes half way and the run that finishes
// it, then a run that finds nothing to do. Every record arrives exactly once with the new
// codes, counts per group are the sources', accounts and QR codes point at the new units,
// a collaborator syncs the new ward through the gateway, and the old units are marked.
// Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wardDesignDocs } from '../../couch/design/documents';
import { DEMO_GROUP_CODES, DEMO_WARD_CODE } from '../../couch/seed/demo';
import { isLiveUnit } from '../../src/lib/domain';
import { CouchClient, type CouchRequest } from '../../src/lib/server/couch/client';
import { mergeWards, type MergeSummary } from '../../src/lib/server/org/merge/merge-wards';
import { wardProvisioner } from '../../src/lib/server/org/ward-provisioner';
import { storedUnits, updateSeq } from '../support/org';
import {
	seedSecondWard,
	SECOND_COLLABORATOR,
	SECOND_GROUPS,
	SECOND_RESIDENT,
	SECOND_STAFF,
	SECOND_WARD
} from '../support/second-ward';
import { startStack, type Stack } from '../support/stack';
import { staffCookie } from '../support/ward';

const INTO = '26999';
const TARGET = `ward_${INTO}`;
const SOURCES = [DEMO_WARD_CODE, SECOND_WARD];
const HOUSEHOLDS = 30;
const REQUEST = { into: INTO, name: 'Phường Hợp Nhất', parent: '79', sources: SOURCES };

type Doc = { _id: string; _rev: string; _deleted?: boolean; _conflicts?: string[] } & Record<
	string,
	unknown
>;

let stack: Stack;
let seeded: Awaited<ReturnType<typeof seedSecondWard>>;
let before: Map<string, Doc>;
let sourceSeqs: string[];
let first: MergeSummary;

/** The new codes: Phường 27's 12 groups first, then Thạnh Xuân's 3. */
function newGroupOf(group: string): string {
	const index = [...DEMO_GROUP_CODES, ...SECOND_GROUPS].indexOf(group);
	return `${INTO}-${String(index + 1).padStart(2, '0')}`;
}

/** Every document of a database, deleted ones with their tombstone bodies. */
async function allDocs(database: string): Promise<Map<string, Doc>> {
	const { results } = await stack.couch.json<{
		results: { id: string; changes: { rev: string }[] }[];
	}>(`${database}/_changes`, { query: { style: 'main_only' } });
	const refs = results
		.filter((row) => !row.id.startsWith('_design/'))
		.map((row) => ({ id: row.id, rev: row.changes[0].rev }));
	const { results: docs } = await stack.couch.json<{ results: { docs: { ok: Doc }[] }[] }>(
		`${database}/_bulk_get`,
		{ method: 'POST', query: { revs: true }, body: { docs: refs } }
	);
	return new Map(docs.map((result) => [result.docs[0].ok._id, result.docs[0].ok]));
}

/** What a copy must keep as it was: everything but the revision and the place. */
function bodyOf(doc: Doc): Record<string, unknown> {
	const body: Record<string, unknown> = { ...doc };
	for (const field of ['_rev', '_revisions', 'ward', 'group']) delete body[field];
	return body;
}

async function countsByGroup(database: string, view: string): Promise<Map<string, number>> {
	const { rows } = await stack.couch.json<{ rows: { key: string; value: number }[] }>(
		`${database}/_design/progress/_view/${view}`,
		{ query: { group: true } }
	);
	return new Map(rows.map((row) => [row.key, row.value]));
}

function wards(client: CouchClient = stack.couch) {
	return wardProvisioner(client, wardDesignDocs());
}

/** A CouchDB client that fails on its nth write of records into the new ward: a crash. */
class CrashingClient extends CouchClient {
	#writes = 0;
	constructor(
		config: ConstructorParameters<typeof CouchClient>[0],
		readonly crashOn: number
	) {
		super(config);
	}
	override async json<T>(path: string, init: CouchRequest = {}): Promise<T> {
		if (path === `${TARGET}/_bulk_docs` && ++this.#writes === this.crashOn) {
			throw new Error('simulated crash');
		}
		return super.json<T>(path, init);
	}
}

beforeAll(async () => {
	stack = await startStack({ households: HOUSEHOLDS });
	seeded = await seedSecondWard(stack.couch, { skip: HOUSEHOLDS, households: 15 });
	before = new Map([
		...(await allDocs(`ward_${DEMO_WARD_CODE}`)),
		...(await allDocs(`ward_${SECOND_WARD}`))
	]);
	sourceSeqs = await Promise.all(SOURCES.map((code) => updateSeq(stack.couch, `ward_${code}`)));

	const crashing = new CrashingClient(
		{ url: stack.couchUrl, user: stack.couchUser, password: stack.couchPassword },
		2
	);
	await expect(
		mergeWards(crashing, REQUEST, { wards: wards(crashing), settleMs: 0 })
	).rejects.toThrow('simulated crash');
	first = await mergeWards(stack.couch, REQUEST, { wards: wards(), settleMs: 0 });
	console.log(
		`merge after a crash: ${first.records.read} records read, ${first.records.written} written in ${first.elapsed_ms} ms`
	);
});
afterAll(async () => {
	await stack?.stop();
});

describe('merging two wards of two districts', () => {
	it('copies every record exactly once, with the new ward and group codes', async () => {
		const after = await allDocs(TARGET);
		const expected = [...before.keys()].filter((id) => id !== seeded.bareTombstone).sort();
		expect([...after.keys()].sort()).toEqual(expected);
		expect(first.records.bare_tombstones).toBe(1);
		for (const [id, source] of before) {
			if (id === seeded.bareTombstone) continue;
			const copy = after.get(id) as Doc;
			const { _revisions: sourceHistory, group } = source;
			const { _rev, _revisions, ward, group: newGroup } = copy;
			const sourceBody = bodyOf(source);
			const copyBody = bodyOf(copy);
			expect(copyBody, id).toEqual(sourceBody);
			expect(ward, id).toBe(INTO);
			if (group !== undefined) expect(newGroup, id).toBe(newGroupOf(String(group)));
			// The copy continues the source's history, one revision on.
			const history = (_revisions as { ids: string[] }).ids;
			expect(history.slice(1), id).toEqual((sourceHistory as { ids: string[] }).ids);
			expect(_rev.startsWith(`${Number(source._rev.split('-')[0]) + 1}-`)).toBe(true);
		}
		expect(after.get(seeded.deletedPerson)?._deleted).toBe(true);
		expect(after.get(seeded.deletedPerson)?.group).toBe(newGroupOf('26734-02'));
		const types = [...after.values()].map((doc) => doc.type);
		expect(types).toContain('device_status');
		const { rows } = await stack.couch.json<{ rows: { doc: Doc }[] }>(`${TARGET}/_all_docs`, {
			query: { include_docs: true, conflicts: true }
		});
		expect(rows.filter((row) => row.doc._conflicts)).toEqual([]);
	});

	it('gives every new group the counts of the group it came from', async () => {
		for (const view of ['households_by_group', 'persons_by_group']) {
			const expected = new Map<string, number>();
			for (const code of SOURCES) {
				for (const [group, count] of await countsByGroup(`ward_${code}`, view)) {
					expected.set(newGroupOf(group), count);
				}
			}
			expect(await countsByGroup(TARGET, view), view).toEqual(expected);
			expect(expected.size).toBe(DEMO_GROUP_CODES.length + SECOND_GROUPS.length);
		}
	});

	it('points the accounts and the QR code at the new units', async () => {
		const account = async (username: string) =>
			(await stack.couch.getDoc<{ org_units: string[] }>('hssk_users', `user:${username}`))
				?.org_units;
		expect(await account('ctv-demo')).toEqual([newGroupOf(DEMO_GROUP_CODES[0])]);
		expect(await account('ctv-demo-2')).toEqual([newGroupOf(DEMO_GROUP_CODES[1])]);
		expect(await account(SECOND_COLLABORATOR)).toEqual([newGroupOf('26734-02')]);
		expect(await account('ward-demo')).toEqual([INTO]);
		expect(await account(SECOND_STAFF)).toEqual([INTO]);
		expect(await account(SECOND_RESIDENT)).toEqual([INTO]);
		expect(await account('city-demo')).toEqual(['79']);
		const qr = await stack.couch.getDoc<{ ward: string }>(
			'hssk_qr',
			`qr_household:${seeded.household}`
		);
		expect(qr?.ward).toBe(INTO);
	});

	it('lets a collaborator of an old group sync the new one through the gateway', async () => {
		const cookie = await staffCookie(stack, SECOND_COLLABORATOR);
		const session = await fetch(`${stack.appUrl}/api/session`, { headers: { cookie } });
		const { user } = (await session.json()) as {
			user: { ward: { code: string; database: string }; groups: { code: string }[] };
		};
		expect(user.ward).toMatchObject({ code: INTO, database: TARGET });
		expect(user.groups.map((group) => group.code)).toEqual([newGroupOf('26734-02')]);
		const changes = await fetch(`${stack.appUrl}/db/${TARGET}/_changes?include_docs=true`, {
			headers: { cookie }
		});
		const { results } = (await changes.json()) as { results: { doc?: Doc }[] };
		const inGroup = [...before.values()].filter(
			(doc) => doc.group === '26734-02' && doc._id !== seeded.bareTombstone
		);
		const seen = results.flatMap((row) => (row.doc && row.doc.group ? [row.doc] : []));
		expect(seen.length).toBe(inGroup.length);
		expect(seen.every((doc) => doc.group === newGroupOf('26734-02'))).toBe(true);
	});

	it('marks the old wards and groups merged, and the view says so', async () => {
		const units = await storedUnits(stack.couch);
		for (const code of SOURCES) {
			expect(units.get(code)?.merged_into).toBe(INTO);
			expect(isLiveUnit(units.get(code)!)).toBe(false);
		}
		expect(units.get('26734-03')?.merged_into).toBe(newGroupOf('26734-03'));
		expect(units.get(INTO)).toMatchObject({
			level: 'ward',
			name: 'Phường Hợp Nhất',
			parent: '79',
			path: ['79', INTO],
			merged_from: SOURCES
		});
		expect(units.get(newGroupOf('26734-01'))).toMatchObject({
			name: 'Tổ dân phố 1',
			parent: INTO,
			merged_from: ['26734-01']
		});
		const { rows } = await stack.couch.json<{
			rows: { key: string[]; value: { merged_into?: string } }[];
		}>('hssk_org/_design/tree/_view/by_path', {
			query: { startkey: JSON.stringify(['79', '761']), endkey: JSON.stringify(['79', '761', {}]) }
		});
		const live = rows.filter((row) => !row.value.merged_into).map((row) => row.key.join('/'));
		expect(live).toEqual(['79/761']);
		expect(rows).toHaveLength(1 + 1 + SECOND_GROUPS.length);
	});

	it('leaves the old databases as they were', async () => {
		expect(
			await Promise.all(SOURCES.map((code) => updateSeq(stack.couch, `ward_${code}`)))
		).toEqual(sourceSeqs);
	});

	it('writes nothing when run again after it finished', async () => {
		const databases = [TARGET, 'hssk_org', 'hssk_users', 'hssk_qr'];
		const seqs = await Promise.all(databases.map((database) => updateSeq(stack.couch, database)));
		const again = await mergeWards(stack.couch, REQUEST, { wards: wards(), settleMs: 0 });
		expect(again).toMatchObject({
			database_made: false,
			org_units_written: 0,
			accounts_rewritten: 0,
			qr_codes_rewritten: 0,
			records: { written: 0, recopied: 0, present: first.records.read - 1 }
		});
		expect(
			await Promise.all(databases.map((database) => updateSeq(stack.couch, database)))
		).toEqual(seqs);
	});

	it('carries over a record written to an old ward after the merge, when run again', async () => {
		const database = `ward_${SECOND_WARD}`;
		const stored = await stack.couch.getDoc<Doc>(database, seeded.household);
		await stack.couch.json(`${database}/${encodeURIComponent(seeded.household)}`, {
			method: 'PUT',
			body: { ...stored, head_name: 'Nguyễn Văn Muộn' }
		});
		const again = await mergeWards(stack.couch, REQUEST, { wards: wards(), settleMs: 0 });
		expect(again.records).toMatchObject({ written: 1, recopied: 1 });
		const copy = await stack.couch.getDoc<Doc>(TARGET, seeded.household);
		expect(copy).toMatchObject({ head_name: 'Nguyễn Văn Muộn', ward: INTO });
	});
});
