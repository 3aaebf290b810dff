// Replicated writes (`new_edits=false`, stock PouchDB) are never refused as conflicts: CouchDB
// keeps both edits as branches of the document and shows one, chosen by revision id, so the
// other device's edit would silently vanish. After such a write the gateway merges the
// branches of every household and person it touched field by field, as the device's conflict
// handler does (src/lib/domain/record-merge.ts, against the branches' common ancestor when
// CouchDB still holds it), writes the result on the winning branch with the server's stamp,
// and closes the other branches. Declarations are append-only; device statuses keep the
// winner, as on the device.

import {
	checkRecord,
	HOUSEHOLD_EDITABLE_FIELDS,
	mergeRecords,
	PERSON_EDITABLE_FIELDS,
	recordTypeOf,
	type Household,
	type Person
} from '$lib/domain';
import { logEvent } from '../log';
import { upstream, type GatewayContext } from './context';
import { erasedHouseholds, householdOfWrite } from './erasure-guard';
import type { Scope } from './scope';
import { stampOf } from './write-rules';

type Revisions = { start: number; ids: string[] };
type Leaf = Record<string, unknown> & {
	_id: string;
	_rev: string;
	_conflicts?: string[];
	_revisions?: Revisions;
};
type Mergeable = Household | Person;

const FIELDS = { household: HOUSEHOLD_EDITABLE_FIELDS, person: PERSON_EDITABLE_FIELDS } as const;

function isMergeable(id: string): boolean {
	const type = recordTypeOf(id);
	return type === 'household' || type === 'person';
}

/** The record a branch holds, in the form the merge and the zod schemas read. */
function recordOf(leaf: Leaf): Mergeable {
	const fields: Record<string, unknown> = { id: leaf._id };
	for (const [key, value] of Object.entries(leaf)) {
		if (!key.startsWith('_')) fields[key] = value;
	}
	return fields as Mergeable;
}

function revisionList(leaf: Leaf): string[] {
	const revisions = leaf._revisions;
	if (!revisions) return [leaf._rev];
	return revisions.ids.map((hash, index) => `${revisions.start - index}-${hash}`);
}

async function leafAt(context: GatewayContext, id: string, rev: string): Promise<Leaf | null> {
	try {
		return await upstream<Leaf>(context, encodeURIComponent(id), {
			query: { rev, revs: true }
		});
	} catch {
		// Compacted away, or deleted meanwhile: merge without it.
		return null;
	}
}

async function commonAncestor(
	context: GatewayContext,
	a: Leaf,
	b: Leaf
): Promise<Mergeable | undefined> {
	const ofB = new Set(revisionList(b));
	const shared = revisionList(a).find((rev) => ofB.has(rev));
	if (!shared) return undefined;
	const ancestor = await leafAt(context, a._id, shared);
	return ancestor ? recordOf(ancestor) : undefined;
}

/** The tombstone that closes a losing branch keeps the record's place, like every deletion. */
function closing(record: Mergeable, id: string, rev: string): Record<string, unknown> {
	return {
		_id: id,
		_rev: rev,
		_deleted: true,
		type: record.type,
		ward: record.ward,
		group: record.group,
		...(record.type === 'person' ? { household: record.household } : {})
	};
}

async function mergeOne(context: GatewayContext, current: Leaf, now: Date): Promise<void> {
	const id = current._id;
	const type = recordTypeOf(id);
	if (type !== 'household' && type !== 'person') return;
	const winner = await leafAt(context, id, current._rev);
	if (!winner) return;
	let merged = recordOf(winner);
	let clashes = 0;
	const closed: string[] = [];
	for (const rev of current._conflicts ?? []) {
		const leaf = await leafAt(context, id, rev);
		if (!leaf) continue;
		const base = await commonAncestor(context, winner, leaf);
		const result = mergeRecords<string, Mergeable>(FIELDS[type], {
			base,
			a: merged,
			b: recordOf(leaf)
		});
		merged = result.record;
		clashes += result.clashes.length;
		closed.push(rev);
	}
	const checked = checkRecord(merged);
	const who = logFields(context.scope, id);
	if (!checked.ok) {
		// Each branch passed the rules; a mix that does not is left for ward staff to see.
		logEvent('warn', 'record.branches_unmerged', { ...who, branches: closed.length + 1 });
		return;
	}
	const { id: _id, ...body } = checked.record as Mergeable;
	await upstream(context, '_bulk_docs', {
		method: 'POST',
		body: {
			docs: [
				{ ...body, _id, _rev: current._rev, stamp: stampOf(context.scope, now) },
				...closed.map((rev) => closing(merged, id, rev))
			]
		}
	});
	logEvent('info', 'record.branches_merged', { ...who, branches: closed.length + 1, clashes });
}

function logFields(scope: Scope, id: string) {
	return { user: scope.user, device: scope.deviceId, database: scope.database, id };
}

/** Merges the branches a replicated write left on these documents; returns how many merged. */
export async function mergeReplicatedBranches(
	context: GatewayContext,
	ids: readonly string[],
	now: Date
): Promise<number> {
	const keys = [...new Set(ids.filter(isMergeable))];
	if (keys.length === 0) return 0;
	const { rows } = await upstream<{ rows: { id: string; doc?: Leaf | null }[] }>(
		context,
		'_all_docs',
		{ method: 'POST', query: { include_docs: true, conflicts: true }, body: { keys } }
	);
	const branched = rows.filter((row) => row.doc?._conflicts?.length);
	// The household may have been erased since the write was judged: a merge writes a new
	// revision, and must not bring back a record of it.
	const erased = await erasedHouseholds(
		context,
		branched.flatMap((row) => householdOfWrite(row.id, row.doc, undefined) ?? [])
	);
	let merged = 0;
	for (const row of branched) {
		if (!row.doc) continue;
		const household = householdOfWrite(row.id, row.doc, undefined);
		if (household && erased.has(household)) continue;
		try {
			await mergeOne(context, row.doc, now);
			merged += 1;
		} catch (error) {
			// Another write got there first: the branches stay, and the next write merges them.
			logEvent('warn', 'record.branches_unmerged', {
				...logFields(context.scope, row.id),
				reason: error instanceof Error ? error.name : 'unknown'
			});
		}
	}
	return merged;
}
