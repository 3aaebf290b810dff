// What the gateway adds to the audit trail: the records a device was sent with their content
// (a page of `_changes` with documents, `_all_docs` with documents, `_bulk_get`, one
// document), and the records a write stored. Ids only. Device statuses are the sync's own
// bookkeeping, not anyone's record, and are left out; so are deletions, which carry no data.

import { recordTypeOf, type AuditAction } from '$lib/domain';
import { audit } from '../audit';
import type { ChangesPage } from './changes-feed';
import type { GatewayContext } from './context';
import type { CouchDoc } from './placement';

function isPersonalRecord(id: string): boolean {
	const type = recordTypeOf(id);
	return type !== null && type !== 'device_status';
}

export function auditRecords(
	context: GatewayContext,
	action: Extract<AuditAction, 'records.read' | 'records.written'>,
	operation: string,
	ids: readonly string[],
	detail?: string
): void {
	const records = [...new Set(ids.filter(isPersonalRecord))];
	if (records.length === 0) return;
	audit(context.caller, {
		unit: context.scope.ward,
		action,
		target: operation,
		count: records.length,
		records,
		...(detail ? { detail } : {})
	});
}

/** The ids of the documents sent with their content. */
export function sentIds(docs: readonly (CouchDoc | null | undefined)[]): string[] {
	return docs
		.filter((doc): doc is CouchDoc => Boolean(doc) && doc?._deleted !== true)
		.map((doc) => String(doc._id));
}

/** A page of `_changes` sent with documents is a read of those records. */
export function auditChangesPage(context: GatewayContext, page: ChangesPage): void {
	auditRecords(context, 'records.read', '_changes', sentIds(page.results.map((row) => row.doc)));
}
