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
import type { Stamp } from '$lib/domain';
import type { CollectionName } from './collections';

/** The contexts in which RxDB compares two states that both came from the server. */
export const STAMP_BLIND_CONTEXTS: ReadonlySet<string> = new Set([
	'couchdb-push-1',
	'rxStorageInstanceToReplicationHandler-masterWrite'
]);

export type ConflictReport = {
	collection: CollectionName;
	id: string;
	/** Whose copy the record now holds. */
	kept: 'server' | 'device';
	/** The device's copy that lost, so a later merge or a person can still recover it. */
	dropped: unknown;
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

function stampTime(state: object): number {
	const stamp = stampOf(state);
	return stamp ? Date.parse(stamp.at) : -Infinity;
}

/**
 * - declarations are append-only: the server's copy is the same declaration, keep it;
 * - device statuses are this device's own report: keep the device's;
 * - households and persons: keep the copy with the later server stamp (a local edit has none,
 *   so today the server's copy wins) and report the clash; the field merge replaces this.
 * A retried push whose first answer was lost is not a clash: same edit, keep the stamped copy.
 */
export function createConflictHandler<T extends Stamped>(
	collection: CollectionName,
	report: (conflict: ConflictReport) => void
): RxConflictHandler<T> {
	return {
		isEqual: (a, b, context) => isSameState(a, b, context),
		async resolve(input: RxConflictHandlerInput<T>) {
			const device = input.newDocumentState;
			const server = input.realMasterState;
			if (collection === 'device_statuses') return device;
			if (isSameEdit(device, server)) return server;
			const keepDevice = collection !== 'declarations' && stampTime(device) > stampTime(server);
			report({
				collection,
				id: server.id,
				kept: keepDevice ? 'device' : 'server',
				dropped: device
			});
			return keepDevice ? device : server;
		}
	};
}
