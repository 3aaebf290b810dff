// What a device is told of the erasures in its scope, so that it drops what it holds of the
// households: ids and times only. A collaborator hears of their groups, ward staff of their
// ward. Erasure records are never sent through the gateway (their ids name no record type).

import { ErasureSchema, wardDatabaseName, type ErasureNotice } from '$lib/domain';
import type { CouchClient } from '../couch/client';

export async function erasureNotices(
	client: CouchClient,
	ward: string,
	groups: ReadonlySet<string> | 'ward'
): Promise<ErasureNotice[]> {
	const { rows } = await client.json<{ rows: { doc?: unknown }[] }>(
		`${wardDatabaseName(ward)}/_all_docs`,
		{ query: { include_docs: true, startkey: '"erasure:"', endkey: '"erasure:\ufff0"' } }
	);
	return rows.flatMap((row) => {
		const parsed = ErasureSchema.safeParse(row.doc);
		if (!parsed.success || parsed.data.ward !== ward) return [];
		const erasure = parsed.data;
		if (groups !== 'ward' && !groups.has(erasure.group)) return [];
		return [
			{ household: erasure.household, records: erasure.records, erased_at: erasure.erased_at }
		];
	});
}
