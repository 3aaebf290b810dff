// Provisioning against a fresh embedded CouchDB: idempotent, closed to anonymous callers,
// and its views count what the seed wrote.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCouch, type EmbeddedCouch } from '../../couch/embedded';
import type { DesignDoc } from '../../couch/design/compile';
import { PROGRESS_VIEWS, TREE_DESIGN, wardDesignDocs } from '../../couch/design/documents';
import { installDesignDoc, ORG_DATABASE, provision, USERS_DATABASE } from '../../couch/provision';
import { DEMO_GROUP_CODES, DEMO_WARD_CODE } from '../../couch/seed/demo';
import { demoWard, seedDemo } from '../../couch/seed/seed-demo';
import type { Declaration } from '../../src/lib/domain/declaration';
import { countedAt } from '../../src/lib/domain/progress';
import { CouchClient } from '../../src/lib/server/couch/client';

const WARD_DB = `ward_${DEMO_WARD_CODE}`;
const NOW = new Date('2026-11-28T05:00:00Z');
const HOUSEHOLDS = 120;

type ViewRows<K, V> = { rows: { key: K; value: V }[] };

let dataDir: string;
let couch: EmbeddedCouch;
let client: CouchClient;

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'hssk-provision-'));
	couch = await startEmbeddedCouch({
		dataDir,
		inMemory: true,
		user: 'admin',
		password: 'provision-test'
	});
	client = new CouchClient(couch);
});

afterAll(async () => {
	await couch?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

async function revisions(): Promise<string[]> {
	const docs = await Promise.all([
		client.getDoc<DesignDoc>(WARD_DB, '_design/progress'),
		client.getDoc<DesignDoc>(ORG_DATABASE, `_design/${TREE_DESIGN}`)
	]);
	return docs.map((doc) => doc?._rev ?? 'missing');
}

describe('provision', () => {
	it('creates the databases and design documents, and a second run changes nothing', async () => {
		await provision(client, [DEMO_WARD_CODE]);
		const first = await revisions();
		expect(first.every((rev) => rev.startsWith('1-'))).toBe(true);
		await provision(client, [DEMO_WARD_CODE]);
		expect(await revisions()).toEqual(first);
		const databases = await client.json<string[]>('_all_dbs');
		expect(databases).toEqual(expect.arrayContaining([ORG_DATABASE, USERS_DATABASE, WARD_DB]));
		for (const database of [ORG_DATABASE, USERS_DATABASE, WARD_DB]) {
			const security = await client.json<{ members: { roles: string[] } }>(`${database}/_security`);
			expect(security.members.roles).toEqual(['_admin']);
		}
	});

	it('rewrites a design document only when its views differ', async () => {
		const [wanted] = wardDesignDocs();
		const changed = { ...wanted, views: { ...wanted.views, extra: { map: 'function (doc) {}' } } };
		expect(await installDesignDoc(client, WARD_DB, changed)).toBe('updated');
		expect(await installDesignDoc(client, WARD_DB, changed)).toBe('unchanged');
		await provision(client, [DEMO_WARD_CODE]);
		const installed = await client.getDoc<DesignDoc>(WARD_DB, wanted._id);
		expect(installed?._rev).toMatch(/^3-/);
		expect(installed?.views).toEqual(wanted.views);
	});

	it('refuses a ward code that is not one', async () => {
		await expect(provision(client, ['ward 27'])).rejects.toThrow(/ward code/);
	});

	it('refuses anonymous callers everywhere', async () => {
		const paths = [
			`${WARD_DB}`,
			`${WARD_DB}/_all_docs`,
			`${WARD_DB}/_changes`,
			`${WARD_DB}/_design/progress/_view/${PROGRESS_VIEWS.persons}`,
			`${ORG_DATABASE}/_all_docs`,
			`${USERS_DATABASE}/_all_docs`
		];
		for (const path of paths) {
			const response = await fetch(`${couch.url}/${path}`);
			await response.body?.cancel();
			expect([401, 403], path).toContain(response.status);
		}
		const write = await fetch(`${couch.url}/${WARD_DB}/household:x`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ type: 'household' })
		});
		await write.body?.cancel();
		expect([401, 403]).toContain(write.status);
	});
});

describe('progress views on seeded data', () => {
	const ward = demoWard({ households: HOUSEHOLDS, now: NOW });
	const declarations = ward.declarations as Declaration[];
	const timings: string[] = [];

	async function timed<T>(label: string, query: () => Promise<T>): Promise<T> {
		const started = performance.now();
		const result = await query();
		timings.push(`${label}: ${Math.round(performance.now() - started)} ms`);
		return result;
	}

	function view<K, V>(name: string, query: Record<string, string | boolean | number>) {
		return client.json<ViewRows<K, V>>(`${WARD_DB}/_design/progress/_view/${name}`, { query });
	}

	beforeAll(async () => {
		await seedDemo(client, { households: HOUSEHOLDS, now: NOW });
	});

	afterAll(() => {
		console.log(
			`View queries on ${ward.households.length} households, ${ward.persons.length} people, ` +
				`${declarations.length} declarations (first query builds the index):\n  ${timings.join('\n  ')}`
		);
	});

	it('count households and people per group', async () => {
		const households = await timed('households_by_group, group=true (first query)', () =>
			view<string, number>(PROGRESS_VIEWS.households, { group: true })
		);
		const expected = new Map<string, number>();
		for (const household of ward.households) {
			if (household.type === 'household')
				expected.set(household.group, (expected.get(household.group) ?? 0) + 1);
		}
		expect(new Map(households.rows.map((row) => [row.key, row.value]))).toEqual(expected);
		expect(households.rows.map((row) => row.key)).toEqual(DEMO_GROUP_CODES);

		const total = await timed('persons_by_group, whole ward (first query)', () =>
			view<null, number>(PROGRESS_VIEWS.persons, {})
		);
		expect(total.rows[0].value).toBe(ward.persons.length);
		const oneGroup = await timed('persons_by_group, one group', () =>
			view<string, number>(PROGRESS_VIEWS.persons, { key: JSON.stringify(DEMO_GROUP_CODES[0]) })
		);
		expect(oneGroup.rows[0].value).toBe(
			ward.persons.filter(
				(person) => person.type === 'person' && person.group === DEMO_GROUP_CODES[0]
			).length
		);
	});

	it('count declarations by group and channel', async () => {
		const byChannel = await timed(
			'declarations_by_group_channel_day, group_level=2 (first query)',
			() => view<[string, string], number>(PROGRESS_VIEWS.declarations, { group_level: 2 })
		);
		const expected = new Map<string, number>();
		for (const declaration of declarations) {
			const key = `${declaration.group} ${declaration.channel}`;
			expected.set(key, (expected.get(key) ?? 0) + 1);
		}
		expect(new Map(byChannel.rows.map((row) => [row.key.join(' '), row.value]))).toEqual(expected);
	});

	it('give the latest declaration of every person who declared', async () => {
		const latest = await timed('latest_declaration_by_member, group_level=3 (first query)', () =>
			view<[string, string, string], [string, number, string]>(PROGRESS_VIEWS.latestDeclaration, {
				group_level: 3
			})
		);
		const expected = new Map<string, string>();
		for (const declaration of declarations) {
			const at = countedAt(declaration);
			if ((expected.get(declaration.person) ?? '') < at) expected.set(declaration.person, at);
		}
		expect(new Map(latest.rows.map((row) => [row.key[2], row.value[0]]))).toEqual(expected);
		const group = DEMO_GROUP_CODES[0];
		const inGroup = await timed('latest_declaration_by_member, one group', () =>
			view<[string, string, string], [string, number, string]>(PROGRESS_VIEWS.latestDeclaration, {
				group_level: 3,
				startkey: JSON.stringify([group]),
				endkey: JSON.stringify([group, {}])
			})
		);
		expect(inGroup.rows.length).toBe(
			new Set(
				declarations.filter((declaration) => declaration.group === group).map((d) => d.person)
			).size
		);
	});

	it('find a subtree of the org tree by path prefix', async () => {
		const subtree = await timed('tree/by_path, one ward', () =>
			client.json<ViewRows<string[], { level: string }>>(
				`${ORG_DATABASE}/_design/${TREE_DESIGN}/_view/by_path`,
				{
					query: {
						startkey: JSON.stringify(['79', '765', DEMO_WARD_CODE]),
						endkey: JSON.stringify(['79', '765', DEMO_WARD_CODE, {}])
					}
				}
			)
		);
		expect(subtree.rows.map((row) => row.value.level)).toEqual([
			'ward',
			...DEMO_GROUP_CODES.map(() => 'group')
		]);
	});
});
