// The check every write through the gateway passes before anything else: a record of a
// household whose data was erased is refused, whoever sends it and however (a normal edit, a
// replicated revision with new_edits=false, a deletion, a fresh id). CouchDB's purge does not
// replicate and a phone that was offline still holds the household, so without this its next
// push would store the household again as new. The erasure records hold ids only
// (src/lib/domain/erasure.ts); one `_all_docs` request per write answers for the whole batch.

import { erasureIdOf, householdNamedBy, isRecordId } from '$lib/domain';
import { upstream, type GatewayContext } from './context';
import type { CurrentState } from './write-rules';

type Row = { key: string; value?: { rev: string; deleted?: boolean }; error?: string };

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The household an incoming document belongs to: its id, its body, or what is stored. */
export function householdOfWrite(
	id: string | null,
	raw: unknown,
	current: CurrentState | undefined
): string | null {
	if (id === null) return null;
	const named = householdNamedBy(id, isObject(raw) ? raw : null);
	return named ?? current?.placement?.household ?? null;
}

/** The person a declaration is about, as its body names it. */
export function personNamedBy(id: string | null, raw: unknown): string | null {
	if (id === null || !isRecordId(id, 'declaration') || !isObject(raw)) return null;
	return typeof raw.person === 'string' && isRecordId(raw.person, 'person') ? raw.person : null;
}

/**
 * The household a declaration's person belonged to when it was deleted, if it was: a
 * declaration with a fresh id may name a person erased with their household under another,
 * live household, and the household check alone would store it. The tombstone of an erased
 * person keeps its household (remove-records.ts), so the batch's one read of current states
 * finds it; a person the server never held (pushed after the declaration) is no one's yet.
 */
export function householdOfDeletedPerson(
	person: string | null,
	states: ReadonlyMap<string, CurrentState>
): string | null {
	const state = person === null ? undefined : states.get(person);
	return state?.isDeleted ? (state.placement?.household ?? null) : null;
}

/** The households among these that have an erasure record in the ward database. */
export async function erasedHouseholds(
	context: GatewayContext,
	households: Iterable<string>
): Promise<Set<string>> {
	const wanted = [...new Set(households)];
	if (wanted.length === 0) return new Set();
	const { rows } = await upstream<{ rows: Row[] }>(context, '_all_docs', {
		method: 'POST',
		body: { keys: wanted.map(erasureIdOf) }
	});
	const erased = new Set<string>();
	rows.forEach((row, index) => {
		// An erasure record is never deleted; a deleted one would still say it happened.
		if (row.value && !row.error) erased.add(wanted[index] as string);
	});
	return erased;
}
