// One page of a unit's audit trail, newest first, read by key range (the ids sort by unit,
// then time), so no view is needed and a page costs one request however long the trail.

import { AuditEntrySchema, type AuditEntry, type AuditPage } from '$lib/domain';
import type { CouchClient } from '../couch/client';
import { AUDIT_DATABASE } from '../couch/databases';

type Row = { id: string; doc?: unknown };

export async function readAuditPage(
	client: CouchClient,
	unit: string,
	options: { before?: string; limit: number }
): Promise<AuditPage> {
	const prefix = `audit:${unit}:`;
	const { rows } = await client.json<{ rows: Row[] }>(`${AUDIT_DATABASE}/_all_docs`, {
		query: {
			descending: true,
			include_docs: true,
			startkey: JSON.stringify(options.before ?? prefix + '\ufff0'),
			endkey: JSON.stringify(prefix),
			limit: options.limit + 2
		}
	});
	const entries: AuditEntry[] = [];
	for (const row of rows) {
		if (row.id === options.before || !row.id.startsWith(prefix)) continue;
		const parsed = AuditEntrySchema.safeParse(row.doc);
		if (parsed.success) entries.push(parsed.data);
	}
	const page = entries.slice(0, options.limit);
	const next = entries.length > options.limit ? (page.at(-1)?.id ?? null) : null;
	return { unit, entries: page, next };
}
