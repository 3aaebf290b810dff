// A ward's review list as its staff see it: the open items whose two people both still
// exist, each person with what tells them apart (name, birth date, citizen ID, household,
// group) and how many declarations they have, oldest item first.

import {
	ReviewItemSchema,
	wardDatabaseName,
	type Household,
	type Person,
	type ReviewItem
} from '$lib/domain';
import { IDENTITY_DESIGN, IDENTITY_VIEWS } from '../../../../couch/design/documents';
import type { CouchClient } from '../couch/client';
import { docsWithPrefix } from './ward-records';

export type ReviewPerson = {
	id: string;
	full_name: string;
	birth_date: string;
	sex: Person['sex'];
	relation: Person['relation'];
	citizen_id?: string;
	group: string;
	household: { id: string; house_number: string; street: string; head_name: string } | null;
	declarations: number;
};

export type ReviewEntry = {
	id: string;
	kinds: ReviewItem['kinds'];
	source: ReviewItem['source'];
	found_at: string;
	persons: [ReviewPerson, ReviewPerson];
};

type KeyRow<T> = { key: string; error?: string; doc?: (T & { _id: string }) | null };

export async function docsByIds<T>(
	client: CouchClient,
	database: string,
	ids: readonly string[]
): Promise<Map<string, T & { _id: string; _rev: string }>> {
	const found = new Map<string, T & { _id: string; _rev: string }>();
	if (ids.length === 0) return found;
	const { rows } = await client.json<{ rows: KeyRow<T & { _rev: string }>[] }>(
		`${database}/_all_docs`,
		{ method: 'POST', query: { include_docs: true }, body: { keys: [...new Set(ids)] } }
	);
	for (const row of rows) if (row.doc) found.set(row.key, row.doc);
	return found;
}

/** The ids of every declaration of each person (corrections included). */
export async function declarationsOf(
	client: CouchClient,
	database: string,
	persons: readonly string[]
): Promise<Map<string, string[]>> {
	const byPerson = new Map<string, string[]>(persons.map((person) => [person, []]));
	if (persons.length === 0) return byPerson;
	const { rows } = await client.json<{ rows: { id: string; key: string }[] }>(
		`${database}/_design/${IDENTITY_DESIGN}/_view/${IDENTITY_VIEWS.declarationsByPerson}`,
		{ method: 'POST', body: { keys: [...new Set(persons)] } }
	);
	for (const row of rows) byPerson.get(row.key)?.push(row.id);
	return byPerson;
}

export type StoredReview = ReviewItem & { _id: string; _rev: string };

export async function openReviews(client: CouchClient, ward: string): Promise<StoredReview[]> {
	const docs = await docsWithPrefix(client, wardDatabaseName(ward), 'review_item');
	return docs.flatMap((doc) => {
		const parsed = ReviewItemSchema.safeParse(doc);
		return parsed.success && parsed.data.state === 'open'
			? [{ ...parsed.data, _id: doc._id, _rev: doc._rev }]
			: [];
	});
}

export async function reviewList(client: CouchClient, ward: string): Promise<ReviewEntry[]> {
	const database = wardDatabaseName(ward);
	const items = await openReviews(client, ward);
	const personIds = items.flatMap((item) => item.persons);
	const persons = await docsByIds<Person>(client, database, personIds);
	const households = await docsByIds<Household>(
		client,
		database,
		[...persons.values()].map((person) => person.household)
	);
	const declarations = await declarationsOf(client, database, [...persons.keys()]);
	const summary = (id: string): ReviewPerson | null => {
		const person = persons.get(id);
		if (!person) return null;
		const household = households.get(person.household);
		return {
			id,
			full_name: person.full_name,
			birth_date: person.birth_date,
			sex: person.sex,
			relation: person.relation,
			...(person.citizen_id ? { citizen_id: person.citizen_id } : {}),
			group: person.group,
			household: household
				? {
						id: household._id,
						house_number: household.address.house_number,
						street: household.address.street,
						head_name: household.head_name
					}
				: null,
			declarations: declarations.get(id)?.length ?? 0
		};
	};
	const entries: ReviewEntry[] = [];
	for (const item of items) {
		const [first, second] = item.persons.map(summary);
		if (!first || !second) continue;
		entries.push({
			id: item._id,
			kinds: item.kinds,
			source: item.source,
			found_at: item.found_at,
			persons: [first, second]
		});
	}
	return entries.sort((a, b) => a.found_at.localeCompare(b.found_at) || a.id.localeCompare(b.id));
}
