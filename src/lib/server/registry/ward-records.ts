// What a ward database holds that the registry import compares with: every household and
// person, the aliases, the review list, and which of the import's own ids were deleted. Read
// by id range (ids start with their type), a page at a time, so a ward of 25,000 people is a
// handful of requests and no view has to be built.

import {
	RecordAliasSchema,
	wardDatabaseName,
	type Household,
	type Person,
	type RecordAlias
} from '$lib/domain';
import type { CouchClient } from '../couch/client';

export type Stored<T> = T & { _rev: string };

export type WardRecords = {
	households: Map<string, Stored<Household>>;
	persons: Map<string, Stored<Person>>;
	/** Alias documents by the id they speak for. */
	aliases: Map<string, Stored<RecordAlias> & { _id: string }>;
	/** Review items by their id (any state), as CouchDB holds them. */
	reviews: Map<string, { _id: string; _rev: string } & Record<string, unknown>>;
};

const PAGE = 5000;
const KEYS_BATCH = 1000;

type Row = {
	id: string;
	key: string;
	value?: { rev: string; deleted?: boolean };
	error?: string;
	doc?: (Record<string, unknown> & { _id: string; _rev: string }) | null;
};

/** Every live document whose id starts with `<prefix>:`, as CouchDB holds it. */
export async function docsWithPrefix(
	client: CouchClient,
	database: string,
	prefix: string
): Promise<(Record<string, unknown> & { _id: string; _rev: string })[]> {
	const docs: (Record<string, unknown> & { _id: string; _rev: string })[] = [];
	let startkey = `${prefix}:`;
	let skip = 0;
	for (;;) {
		const { rows } = await client.json<{ rows: Row[] }>(`${database}/_all_docs`, {
			query: {
				include_docs: true,
				startkey: JSON.stringify(startkey),
				endkey: JSON.stringify(`${prefix}:\ufff0`),
				limit: PAGE,
				skip
			}
		});
		for (const row of rows) if (row.doc) docs.push(row.doc);
		if (rows.length < PAGE) return docs;
		startkey = rows[rows.length - 1].id;
		skip = 1;
	}
}

/** A stored document as the domain knows the record: `id` rather than `_id`. */
export function asRecord<T>(
	doc: Record<string, unknown> & { _id: string; _rev: string }
): Stored<T> {
	const { _id, ...fields } = doc;
	return { ...fields, id: _id } as unknown as Stored<T>;
}

export async function loadWardRecords(client: CouchClient, ward: string): Promise<WardRecords> {
	const database = wardDatabaseName(ward);
	const [households, persons, aliases, reviews] = await Promise.all([
		docsWithPrefix(client, database, 'household'),
		docsWithPrefix(client, database, 'person'),
		docsWithPrefix(client, database, 'record_alias'),
		docsWithPrefix(client, database, 'review_item')
	]);
	const aliasMap: WardRecords['aliases'] = new Map();
	for (const doc of aliases) {
		const parsed = RecordAliasSchema.safeParse(doc);
		if (parsed.success)
			aliasMap.set(parsed.data.from, { ...parsed.data, _id: doc._id, _rev: doc._rev });
	}
	return {
		households: new Map(households.map((doc) => [doc._id, asRecord<Household>(doc)])),
		persons: new Map(persons.map((doc) => [doc._id, asRecord<Person>(doc)])),
		aliases: aliasMap,
		reviews: new Map(reviews.map((doc) => [doc._id, doc]))
	};
}

/** Which of these ids CouchDB holds as deleted (a live one, or one never written, is not). */
export async function deletedIds(
	client: CouchClient,
	ward: string,
	ids: readonly string[]
): Promise<Set<string>> {
	const deleted = new Set<string>();
	for (let start = 0; start < ids.length; start += KEYS_BATCH) {
		const keys = ids.slice(start, start + KEYS_BATCH);
		const { rows } = await client.json<{ rows: Row[] }>(`${wardDatabaseName(ward)}/_all_docs`, {
			method: 'POST',
			body: { keys }
		});
		for (const row of rows) if (row.value?.deleted) deleted.add(row.key);
	}
	return deleted;
}
