// Reads what CouchDB holds now under a set of ids (winning revision, deleted or not, and its
// place), in one `_all_docs` request: every write and `_revs_diff` is judged against it.

import { upstream, type GatewayContext } from './context';
import { mapLimited, PLACEMENT_LOOKUPS_AT_ONCE, type CouchDoc } from './placement';
import { isWardRecordId } from './scope';
import type { CurrentState } from './write-rules';

type AllDocsRow = {
	key: string;
	id?: string;
	error?: string;
	value?: { rev: string; deleted?: boolean };
	doc?: CouchDoc | null;
};

/** Ids missing from the map were never written (or are not record ids). */
export async function currentStates(
	context: GatewayContext,
	ids: readonly string[]
): Promise<Map<string, CurrentState>> {
	const keys = [...new Set(ids.filter(isWardRecordId))];
	const states = new Map<string, CurrentState>();
	if (keys.length === 0) return states;
	const { rows } = await upstream<{ rows: AllDocsRow[] }>(context, '_all_docs', {
		method: 'POST',
		query: { include_docs: true },
		body: { keys }
	});
	const found = rows.filter((row) => !row.error && row.value);
	await mapLimited(found, PLACEMENT_LOOKUPS_AT_ONCE, async (row) => {
		const value = row.value as { rev: string; deleted?: boolean };
		const isDeleted = value.deleted === true;
		const placement =
			!isDeleted && row.doc
				? await context.placements.ofDoc(row.doc)
				: await context.placements.ofRevision(row.key, value.rev);
		const doc = !isDeleted && row.doc ? row.doc : undefined;
		states.set(row.key, { rev: value.rev, isDeleted, placement, ...(doc ? { doc } : {}) });
	});
	return states;
}
