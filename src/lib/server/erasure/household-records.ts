// Every record of one household in its ward database, live or deleted: its own record, its
// people and their declarations. Read through the gateway's scope filter with the household's
// id, which CouchDB runs over the ward's whole changes feed, so a member deleted long ago (its
// tombstone names the household) is found too, and its old revisions are removed with the rest.

import { householdNamedBy, recordTypeOf } from '$lib/domain';
import type { CouchClient } from '../couch/client';
import { GATEWAY_DESIGN, SCOPE_FILTER } from '../gateway/scope-filter';

type ChangeRow = { id: string; deleted?: boolean; doc?: Record<string, unknown> | null };

export async function householdRecordIds(
	client: CouchClient,
	database: string,
	ward: string,
	household: string
): Promise<string[]> {
	const { results } = await client.json<{ results: ChangeRow[] }>(`${database}/_changes`, {
		query: {
			filter: `${GATEWAY_DESIGN}/${SCOPE_FILTER}`,
			ward,
			household,
			include_docs: true
		}
	});
	// The filter also passes tombstones that name no place, and the server's own documents
	// about the household (its erasure record and request, which must stay): only the records
	// that name the household are its data.
	return results
		.filter((row) => recordTypeOf(row.id) !== null)
		.filter((row) => householdNamedBy(row.id, row.doc ?? null) === household)
		.map((row) => row.id)
		.sort();
}
