// What the load benchmark's phones need from the seeded ward: an account for the tổ trưởng of
// every group (the demo seeds two), each group's people, and the check at the end that every
// declaration sent is stored exactly once.

import { demoUserDoc } from '../couch/seed/accounts';
import { collaboratorOf, DEMO_PASSWORD } from '../couch/seed/demo';
import type { CouchClient } from '../src/lib/server/couch/client';
import { accountDocId, USERS_DATABASE } from '../src/lib/server/couch/databases';
import type { Person } from './load-devices';

type PersonDoc = { _id: string; type?: string; household?: string; group?: string };

/** Every person of the ward by group, read straight from CouchDB. */
export async function personsByGroup(
	client: CouchClient,
	database: string
): Promise<Map<string, Person[]>> {
	const { rows } = await client.json<{ rows: { doc?: PersonDoc }[] }>(`${database}/_all_docs`, {
		query: { include_docs: true, startkey: '"person:"', endkey: '"person:\ufff0"' }
	});
	const groups = new Map<string, Person[]>();
	for (const { doc } of rows) {
		if (!doc?.group || !doc.household) continue;
		const list = groups.get(doc.group) ?? [];
		list.push({ id: doc._id, household: doc.household, group: doc.group });
		groups.set(doc.group, list);
	}
	return groups;
}

/** A collaborator account for each group that has none yet, with the demo password. */
export async function ensureCollaborators(
	client: CouchClient,
	groups: readonly string[]
): Promise<string[]> {
	const usernames = groups.map(collaboratorOf);
	const { rows } = await client.json<{ rows: { key: string; error?: string }[] }>(
		`${USERS_DATABASE}/_all_docs`,
		{ method: 'POST', body: { keys: usernames.map(accountDocId) } }
	);
	const missing = new Set(rows.filter((row) => row.error).map((row) => row.key));
	const docs = await Promise.all(
		groups
			.filter((group) => missing.has(accountDocId(collaboratorOf(group))))
			.map((group) =>
				demoUserDoc(
					{
						username: collaboratorOf(group),
						display_name: `Tổ trưởng ${group}`,
						role: 'collaborator',
						org_units: [group]
					},
					DEMO_PASSWORD
				)
			)
	);
	if (docs.length > 0) {
		await client.json(`${USERS_DATABASE}/_bulk_docs`, { method: 'POST', body: { docs } });
	}
	return usernames;
}

export async function declarationCount(client: CouchClient, database: string): Promise<number> {
	const { rows } = await client.json<{ rows: unknown[] }>(`${database}/_all_docs`, {
		query: { startkey: '"declaration:"', endkey: '"declaration:\ufff0"' }
	});
	return rows.length;
}

type KeyRow = { key: string; error?: string; value?: { rev: string; deleted?: boolean } };

/**
 * Throws unless every id is stored, live, at its first revision (written once, never
 * rewritten), and the ward holds exactly `before + ids.length` declarations (no copy under
 * another id).
 */
export async function checkExactlyOnce(
	client: CouchClient,
	database: string,
	ids: readonly string[],
	before: number
): Promise<void> {
	if (new Set(ids).size !== ids.length) throw new Error('an id was sent under two declarations');
	const problems: string[] = [];
	const PAGE = 2_000;
	for (let start = 0; start < ids.length; start += PAGE) {
		const keys = ids.slice(start, start + PAGE);
		const { rows } = await client.json<{ rows: KeyRow[] }>(`${database}/_all_docs`, {
			method: 'POST',
			body: { keys }
		});
		for (const row of rows) {
			if (row.error) problems.push(`${row.key}: ${row.error}`);
			else if (row.value?.deleted) problems.push(`${row.key}: deleted`);
			else if (!row.value?.rev.startsWith('1-')) problems.push(`${row.key}: ${row.value?.rev}`);
		}
	}
	const after = await declarationCount(client, database);
	if (after !== before + ids.length) {
		problems.push(`the ward holds ${after} declarations, expected ${before} + ${ids.length}`);
	}
	if (problems.length > 0) {
		throw new Error(
			`${problems.length} declarations not stored exactly once:\n${problems.slice(0, 10).join('\n')}`
		);
	}
}
