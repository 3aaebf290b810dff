// The demo seed at its default scale against a fresh embedded CouchDB: the size it promises,
// every record valid by the gateway's own rules, the accounts usable, and a rerun that
// writes nothing.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCouch, type EmbeddedCouch } from '../../couch/embedded';
import { ORG_DATABASE, provision, USERS_DATABASE } from '../../couch/provision';
import type { UserDoc } from '../../couch/seed/accounts';
import {
	DEMO_ACCOUNTS,
	DEMO_GROUP_CODES,
	DEMO_PASSWORD,
	DEMO_WARD_CODE
} from '../../couch/seed/demo';
import { seedDemo, type SeedSummary } from '../../couch/seed/seed-demo';
import { OrgUnitSchema } from '../../src/lib/domain/org-unit';
import { checkRecord, describeProblems } from '../../src/lib/domain/records';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { CouchClient } from '../../src/lib/server/couch/client';

const WARD_DB = `ward_${DEMO_WARD_CODE}`;

type Row = {
	id: string;
	doc: { _id: string; _rev: string; type?: string } & Record<string, unknown>;
};

let dataDir: string;
let couch: EmbeddedCouch;
let client: CouchClient;
let first: SeedSummary;

async function allDocs(database: string): Promise<Row['doc'][]> {
	const { rows } = await client.json<{ rows: Row[] }>(`${database}/_all_docs`, {
		query: { include_docs: true }
	});
	return rows.filter((row) => !row.id.startsWith('_design/')).map((row) => row.doc);
}

function countByType(docs: Row['doc'][]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const doc of docs) counts[String(doc.type)] = (counts[String(doc.type)] ?? 0) + 1;
	return counts;
}

beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'hssk-seed-'));
	couch = await startEmbeddedCouch({
		dataDir,
		inMemory: true,
		user: 'admin',
		password: 'seed-test'
	});
	client = new CouchClient(couch);
	await provision(client, [DEMO_WARD_CODE]);
	first = await seedDemo(client);
	console.log(`Seeded the demo in ${first.elapsed_ms} ms: ${JSON.stringify(first.written)}`);
});

afterAll(async () => {
	await couch?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('demo seed', () => {
	it('writes at least 300 households, 1,000 people and 10 groups', async () => {
		const counts = countByType(await allDocs(WARD_DB));
		expect(counts.household).toBeGreaterThanOrEqual(300);
		expect(counts.person).toBeGreaterThanOrEqual(1000);
		expect(counts.declaration).toBeGreaterThan(0);
		expect(counts).toEqual({
			household: first.total.households,
			person: first.total.persons,
			declaration: first.total.declarations,
			device_status: first.total.device_statuses
		});
		expect(first.written).toEqual(first.total);
		const groups = (await allDocs(ORG_DATABASE)).filter((doc) => doc.level === 'group');
		expect(groups.length).toBeGreaterThanOrEqual(10);
		expect(groups.map((doc) => doc.code)).toEqual(DEMO_GROUP_CODES);
	});

	it('writes nothing on a rerun', async () => {
		const { results: before } = await client.json<{ results: unknown[] }>(`${WARD_DB}/_changes`);
		const again = await seedDemo(client);
		console.log(`Reran the seed in ${again.elapsed_ms} ms: ${JSON.stringify(again.written)}`);
		expect(Object.values(again.written)).toEqual([0, 0, 0, 0, 0, 0]);
		expect(again.total).toEqual(first.total);
		const { results: after } = await client.json<{ results: unknown[] }>(`${WARD_DB}/_changes`);
		expect(after.length).toBe(before.length);
	});

	it('stores only records that pass the gateway checks', async () => {
		const failures: string[] = [];
		for (const { _id, _rev, ...fields } of await allDocs(WARD_DB)) {
			expect(_rev).toMatch(/^1-/);
			const check = checkRecord({ id: _id, ...fields });
			if (!check.ok) failures.push(`${_id}: ${describeProblems(check.problems)}`);
		}
		expect(failures).toEqual([]);
		for (const doc of await allDocs(ORG_DATABASE)) {
			// The schema ignores CouchDB's own _id and _rev.
			expect(OrgUnitSchema.safeParse(doc).success, doc._id).toBe(true);
			expect(doc._id).toBe(`org:${doc.code}`);
		}
	});

	it('creates the demo accounts with the demo password', async () => {
		const users = (await allDocs(USERS_DATABASE)) as unknown as UserDoc[];
		expect(users.map((user) => user.username).sort()).toEqual(
			DEMO_ACCOUNTS.map((account) => account.username).sort()
		);
		for (const account of DEMO_ACCOUNTS) {
			const user = users.find((candidate) => candidate._id === `user:${account.username}`);
			expect(user?.role).toBe(account.role);
			expect(user?.org_units).toEqual(account.org_units);
			expect(user?.disabled).toBe(false);
			expect(await verifyPassword(DEMO_PASSWORD, user!.password)).toBe(true);
			expect(await verifyPassword('wrong-password', user!.password)).toBe(false);
		}
	});

	it('refuses to create demo accounts in production, before writing anything', async () => {
		const { doc_count: before } = await client.json<{ doc_count: number }>(WARD_DB);
		await expect(seedDemo(client, { env: { NODE_ENV: 'production' } })).rejects.toThrow(
			/NODE_ENV=production/
		);
		const { doc_count: after } = await client.json<{ doc_count: number }>(WARD_DB);
		expect(after).toBe(before);
	});
});
