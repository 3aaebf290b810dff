// How the device decides that two states of a record are the same, and which one wins when
// they are not. The gateway stamps every accepted write (`stamp`, server clock), so a record
// comes back from the server changed only by its receipt; that must not count as a clash.
//
// RxDB asks `isEqual` two different questions and names them by `context`:
// - "is the server's copy still the one this device's edit was based on?" (push conflict
//   checks, both states from the server): the stamp is ignored, or a device that edits a
//   record before the stamped copy came back would see a conflict on every next push;
// - "does the device's copy hold what the server has?" (device state against server state):
//   the stamp counts, because it is the receipt. Ignoring it there makes RxDB treat the
//   pulled, stamped copy as already present and never write it, and the record would look
//   unsent forever (see replication-protocol/downstream.ts, "downstream-check-if-equal-1").
// src/lib/sync/stamp-receipt.test.ts checks both against a real CouchDB replication.

import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import { deepEqual } from 'rxdb/plugins/utils';
import {
	HOUSEHOLD_EDITABLE_FIELDS,
	PERSON_EDITABLE_FIELDS,
	mergeRecords,
	type ClashOf,
	type MergeableRecord,
	type Stamp
} from '$lib/domain';
import type { CollectionName } from './collections';

/** The contexts in which RxDB compares two states that both came from the server. */
export const STAMP_BLIND_CONTEXTS: ReadonlySet<string> = new Set([
	'couchdb-push-1',
	'rxStorageInstanceToReplicationHandler-masterWrite'
]);

export type ConflictReport = {
	collection: CollectionName;
	id: string;
	/** Whose copy the record now holds: one side's whole, or both merged field by field. */
	kept: 'server' | 'device' | 'merged';
	/** The copy that lost as a whole (to a deletion, or a declaration's first copy), if any. */
	dropped: unknown;
	/** The fields both sides changed, whose losing values the record now keeps as clashes. */
	clashes: ClashOf<string>[];
};

type Stamped = { id: string; stamp?: Stamp };

/** The record without what the server adds (`stamp`) and what RxDB adds (`_attachments`). */
function withoutStamp(state: object): Record<string, unknown> {
	const rest: Record<string, unknown> = { ...state };
	delete rest.stamp;
	delete rest._attachments;
	return rest;
}

export function isSameEdit<T extends object>(a: WithDeleted<T>, b: WithDeleted<T>): boolean {
	return deepEqual(withoutStamp(a), withoutStamp(b));
}

export function isSameState<T extends object>(
	a: WithDeleted<T>,
	b: WithDeleted<T>,
	context: string
): boolean {
	return STAMP_BLIND_CONTEXTS.has(context)
		? isSameEdit(a, b)
		: deepEqual(
				{ ...withoutStamp(a), stamp: stampOf(a) },
				{ ...withoutStamp(b), stamp: stampOf(b) }
			);
}

function stampOf(state: object): Stamp | null {
	return (state as { stamp?: Stamp }).stamp ?? null;
}

/** The fields that merge one by one, for the records two devices edit at once. */
const EDITABLE_FIELDS: Partial<Record<CollectionName, readonly string[]>> = {
	households: HOUSEHOLD_EDITABLE_FIELDS,
	persons: PERSON_EDITABLE_FIELDS
};

type Mergeable = Stamped & MergeableRecord<string>;

/**
 * A deletion wins over an edit (see docs/decisions/merging-edits.md): the edit is reported
 * with the copy it was made on. Two live copies merge field by field; the merged copy has no
 * stamp until the server accepts it, so it counts as waiting. A merge that adds nothing to
 * the server's copy keeps the server's copy, and nothing is sent again.
 */
function mergeEdits<T extends Stamped>(
	collection: CollectionName,
	fields: readonly string[],
	input: RxConflictHandlerInput<T>,
	report: (conflict: ConflictReport) => void
): WithDeleted<T> {
	const device = input.newDocumentState;
	const server = input.realMasterState;
	if (server._deleted || device._deleted) {
		const kept = server._deleted ? 'server' : 'device';
		const dropped = server._deleted ? device : server;
		if (!dropped._deleted) report({ collection, id: server.id, kept, dropped, clashes: [] });
		return server._deleted ? server : device;
	}
	const base = input.assumedMasterState;
	const merged = mergeRecords(fields, {
		base: base && !base._deleted ? (base as unknown as Mergeable) : undefined,
		a: device as unknown as Mergeable,
		b: server as unknown as Mergeable
	});
	const record = { ...merged.record, _deleted: false } as unknown as WithDeleted<T>;
	delete record.stamp;
	if (isSameEdit(record, server)) return server;
	if (merged.clashes.length > 0) {
		report({ collection, id: server.id, kept: 'merged', dropped: null, clashes: merged.clashes });
	}
	return record;
}

/**
 * - declarations are append-only: the server's copy is the same declaration, keep it;
 * - device statuses are this device's own report: keep the device's;
 * - households and persons: merged field by field (`mergeEdits`).
 * A retried push whose first answer was lost is not a clash: same edit, keep the stamped copy.
 */
export function createConflictHandler<T extends Stamped>(
	collection: CollectionName,
	report: (conflict: ConflictReport) => void
): RxConflictHandler<T> {
	const fields = EDITABLE_FIELDS[collection];
	return {
		isEqual: (a, b, context) => isSameState(a, b, context),
		async resolve(input: RxConflictHandlerInput<T>) {
			const device = input.newDocumentState;
			const server = input.realMasterState;
			if (collection === 'device_statuses') return device;
			if (isSameEdit(device, server)) return server;
			if (fields) return mergeEdits(collection, fields, input, report);
			report({ collection, id: server.id, kept: 'server', dropped: device, clashes: [] });
			return server;
		}
	};
}
