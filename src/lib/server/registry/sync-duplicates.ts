// A person a device adds may already be in the ward, on records that device never held (a
// collaborator sees their groups only): the gateway, once it has stored the new person,
// looks in the whole ward for the same citizen ID or the same folded name and birth date,
// and puts each pair on the review list. It flags, never refuses, and it runs after the
// write has been answered, so a device's push never waits for it.

import { duplicateKinds, wardDatabaseName, type Person, type ReviewItem } from '$lib/domain';
import { IDENTITY_DESIGN, IDENTITY_VIEWS } from '../../../../couch/design/documents';
import type { CouchClient } from '../couch/client';
import { logEvent } from '../log';
import { reviewDocId } from './keys';

type ViewRow = { id: string; key: [string, string]; doc?: (Person & { _id: string }) | null };
type BulkResult = { id: string; ok?: boolean; error?: string };

/** The review items (not yet written) for the people just added, against the whole ward. */
export async function duplicateReviews(
	client: CouchClient,
	ward: string,
	added: readonly Person[],
	by: string,
	now: Date = new Date()
): Promise<(ReviewItem & { _id: string })[]> {
	if (added.length === 0) return [];
	const database = wardDatabaseName(ward);
	const keys = added.flatMap((person) => [
		...(person.citizen_id ? [['citizen_id', person.citizen_id]] : []),
		['birth', person.birth_date.slice(0, 4)]
	]);
	const { rows } = await client.json<{ rows: ViewRow[] }>(
		`${database}/_design/${IDENTITY_DESIGN}/_view/${IDENTITY_VIEWS.personsByIdentity}`,
		{ method: 'POST', query: { include_docs: true }, body: { keys } }
	);
	const stored = new Map<string, Person>();
	for (const row of rows) if (row.doc) stored.set(row.id, { ...row.doc, id: row.doc._id });
	const items = new Map<string, ReviewItem & { _id: string }>();
	for (const person of added) {
		for (const other of stored.values()) {
			if (other.id === person.id) continue;
			const kinds = duplicateKinds(person, other);
			if (kinds.length === 0) continue;
			const id = reviewDocId(person.id, other.id);
			const persons = [person.id, other.id].sort() as [string, string];
			items.set(id, {
				_id: id,
				type: 'review_item',
				ward,
				persons,
				kinds,
				source: 'sync',
				found_at: now.toISOString(),
				found_by: by,
				state: 'open'
			});
		}
	}
	return [...items.values()];
}

/** Writes the items that are new; a pair already on the list keeps its item and decision. */
export async function flagDuplicates(
	client: CouchClient,
	ward: string,
	added: readonly Person[],
	by: string
): Promise<number> {
	const items = await duplicateReviews(client, ward, added, by);
	if (items.length === 0) return 0;
	const results = await client.json<BulkResult[]>(`${wardDatabaseName(ward)}/_bulk_docs`, {
		method: 'POST',
		body: { docs: items }
	});
	const flagged = results.filter((result) => result.ok).length;
	if (flagged > 0) logEvent('info', 'registry.duplicates_flagged', { ward, by, flagged });
	return flagged;
}

/** What the gateway calls after a write: started, never awaited, failures logged. */
export function flagDuplicatesLater(
	client: CouchClient,
	ward: string,
	added: readonly Person[],
	by: string
): void {
	if (added.length === 0) return;
	flagDuplicates(client, ward, added, by).catch((error: unknown) => {
		logEvent('warn', 'registry.duplicates_check_failed', {
			ward,
			error: error instanceof Error ? error.name : 'unknown'
		});
	});
}
