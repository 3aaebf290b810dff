// Field-by-field merge of two copies of a household or person edited on two offline devices
// (docs/decisions/merging-edits.md). A three-way merge against the state the device's edit
// started from decides which fields each side changed; per-field versions (`edits`, a
// Lamport clock per field with the device id as tie-break) decide the winner when both
// changed the same field. The values chosen are the higher version of every field, whichever
// copy is called "device" and whichever "server", so every replica ends the same whatever the
// order of syncs; the losing value of a true clash is kept in `clashes` for ward staff.

import {
	clashKeyOf,
	MAX_CLASHES,
	type ClashOf,
	type ClashSettlement,
	type FieldEdit,
	type FieldEditOf
} from './field-edits';
import { canonicalJson } from './canonical-json';

/** The part of a household or person the merge reads and writes. */
export type MergeableRecord<F extends string> = {
	audit: { updated_at: string; updated_by: string; device_id: string };
	edits?: FieldEditOf<F>[];
	clashes?: ClashOf<F>[];
};

export type Editor = { device_id: string; by: string; at: string };

type Value = unknown;

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(record: object, path: string): Value {
	let current: unknown = record;
	for (const key of path.split('.')) {
		if (!isObject(current)) return undefined;
		current = current[key];
	}
	return current;
}

/** Sets (or, for `undefined`, removes) a dotted path, copying each object on the way. */
export function withValueAt<T extends object>(record: T, path: string, value: Value): T {
	const [key, ...rest] = path.split('.');
	const copy: Record<string, unknown> = { ...(record as Record<string, unknown>) };
	if (rest.length === 0) {
		if (value === undefined) delete copy[key];
		else copy[key] = value;
	} else {
		const inner = isObject(copy[key]) ? copy[key] : {};
		copy[key] = withValueAt(inner, rest.join('.'), value);
	}
	return copy as T;
}

function same(a: unknown, b: unknown): boolean {
	return canonicalJson(a) === canonicalJson(b);
}

function editOf<F extends string>(record: MergeableRecord<F>, field: F): FieldEditOf<F> | null {
	return record.edits?.find((edit) => edit.field === field) ?? null;
}

function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order of one field's versions: no version (the value it was created with) first. */
function compareVersions(
	a: { edit: FieldEdit | null; value: Value },
	b: { edit: FieldEdit | null; value: Value }
): number {
	if (a.edit && b.edit) {
		const order =
			a.edit.n - b.edit.n ||
			compareStrings(a.edit.device_id, b.edit.device_id) ||
			compareStrings(a.edit.at, b.edit.at) ||
			compareStrings(a.edit.by, b.edit.by);
		if (order !== 0) return order;
	} else if (a.edit || b.edit) {
		return a.edit ? 1 : -1;
	}
	// Same version, different values: only a writer that does not keep versions does this.
	return compareStrings(canonicalJson(a.value), canonicalJson(b.value));
}

/** Who changed a field: its version, or for a field with none the record's last editor. */
function editorOf<F extends string>(record: MergeableRecord<F>, field: F): FieldEdit {
	const held = editOf(record, field);
	// A clash's edits carry no `field` (the clash names it): the gateway's schema drops it, and
	// a copy with it would count as another clash at the next merge.
	if (held) return { n: held.n, device_id: held.device_id, by: held.by, at: held.at };
	return {
		n: 0,
		device_id: record.audit.device_id,
		by: record.audit.updated_by,
		at: record.audit.updated_at
	};
}

function clashValue(value: Value): string | null {
	return value === undefined || value === null ? null : String(value);
}

/** Open before settled; two settlements of one clash (two staff at once) by their version. */
function compareSettlements(
	a: ClashSettlement | undefined,
	b: ClashSettlement | undefined
): number {
	if (!a || !b) return a ? 1 : b ? -1 : 0;
	return (
		compareVersions({ edit: a, value: a.choice }, { edit: b, value: b.choice }) ||
		compareStrings(a.choice, b.choice)
	);
}

/** Newest last by when the losing edit was made; the same lost edit is kept once. */
function boundedClashes<F extends string>(clashes: ClashOf<F>[]): ClashOf<F>[] {
	const byKey = new Map<string, ClashOf<F>>();
	for (const clash of clashes) {
		const key = clashKeyOf(clash);
		const held = byKey.get(key);
		// Ward staff's confirmation of a clash outlives every copy that still holds it open.
		const isLater =
			!held ||
			compareSettlements(clash.settled, held.settled) > 0 ||
			(compareSettlements(clash.settled, held.settled) === 0 &&
				compareVersions(
					{ edit: clash.kept_edit, value: clash.kept },
					{ edit: held.kept_edit, value: held.kept }
				) > 0);
		if (isLater) byKey.set(key, clash);
	}
	return [...byKey.entries()]
		.sort(
			([keyA, a], [keyB, b]) =>
				compareStrings(a.lost_edit.at, b.lost_edit.at) || compareStrings(keyA, keyB)
		)
		.map(([, clash]) => clash)
		.slice(-MAX_CLASHES);
}

/** The later of two audits, by the device clock, then the device id: the same on both sides. */
function laterAudit<A extends { updated_at: string; device_id: string }>(a: A, b: A): A {
	return (compareStrings(a.updated_at, b.updated_at) || compareStrings(a.device_id, b.device_id)) >=
		0
		? a
		: b;
}

export type MergeInput<T> = {
	/** The state both copies started from (RxDB's assumed master state), when known. */
	base?: T;
	a: T;
	b: T;
};

export type MergeResult<T, F extends string> = { record: T; clashes: ClashOf<F>[] };

/**
 * Merges two live copies; symmetric in `a` and `b`. For each field: a side that did not
 * change it since `base` takes the other side's; when both did, the higher version wins and,
 * if the values differ, the other is recorded as a clash. Without `base` the higher version
 * wins and no clash can be told apart from a later edit, so none is recorded.
 * `clashes` in the result are the new ones only; the record holds them with the old ones.
 */
export function mergeRecords<F extends string, T extends MergeableRecord<F>>(
	fields: readonly F[],
	{ base, a, b }: MergeInput<T>
): MergeResult<T, F> {
	const audit = laterAudit(a.audit, b.audit);
	let record = { ...(audit === a.audit ? a : b) } as T;
	const edits: FieldEditOf<F>[] = [];
	const clashes: ClashOf<F>[] = [];
	for (const field of fields) {
		const sideA = { edit: editOf(a, field), value: valueAt(a, field) };
		const sideB = { edit: editOf(b, field), value: valueAt(b, field) };
		const higher = compareVersions(sideA, sideB) >= 0 ? sideA : sideB;
		let chosen = higher;
		if (base) {
			const start = { edit: editOf(base, field), value: valueAt(base, field) };
			const changed = (side: typeof sideA) =>
				!same(side.value, start.value) || !same(side.edit, start.edit);
			const isAChanged = changed(sideA);
			const isBChanged = changed(sideB);
			if (isAChanged !== isBChanged) chosen = isAChanged ? sideA : sideB;
			if (isAChanged && isBChanged && !same(sideA.value, sideB.value)) {
				const lower = higher === sideA ? sideB : sideA;
				const [keptFrom, lostFrom] = higher === sideA ? [a, b] : [b, a];
				clashes.push({
					field,
					kept: clashValue(higher.value),
					lost: clashValue(lower.value),
					kept_edit: editorOf(keptFrom, field),
					lost_edit: editorOf(lostFrom, field)
				});
			}
		}
		record = withValueAt(record, field, chosen.value);
		if (chosen.edit) edits.push(chosen.edit);
	}
	const allClashes = boundedClashes([...(a.clashes ?? []), ...(b.clashes ?? []), ...clashes]);
	record = { ...record, audit, edits, clashes: allClashes };
	if (edits.length === 0) delete record.edits;
	if (allClashes.length === 0) delete record.clashes;
	return { record, clashes };
}

/**
 * The versions after a local edit: each field whose value changed gets one more than the
 * version this device held, made by this device now; the others keep theirs.
 */
export function editsAfterWrite<F extends string>(
	fields: readonly F[],
	previous: object | undefined,
	next: object,
	previousEdits: readonly FieldEditOf<F>[] | undefined,
	editor: Editor
): FieldEditOf<F>[] {
	const edits: FieldEditOf<F>[] = [];
	for (const field of fields) {
		const held = previousEdits?.find((edit) => edit.field === field);
		if (previous && !same(valueAt(previous, field), valueAt(next, field))) {
			edits.push({ field, n: (held?.n ?? 0) + 1, ...editor });
		} else if (held) {
			edits.push(held);
		}
	}
	return edits;
}
