// How the import changes a stored household or person: a field the registry gives differently
// is updated when the value there is the import's own (it made the record, or its edit is the
// field's latest) or absent; a value someone set in the ward wins and is listed as a
// conflict. Written records carry what the gateway would give them: the audit of their
// writer and the server's stamp, with per-field versions for the fields changed, so a
// device's concurrent edit merges field by field (docs/decisions/merging-edits.md).

import {
	checkRecord,
	describeProblems,
	editsAfterWrite,
	type FieldEditOf,
	type Household,
	type Person,
	type RegistryField,
	type WardRecord
} from '$lib/domain';
import { REGISTRY_DEVICE } from './keys';

/** Who writes and when; the device is the import's own unless said (a merge by ward staff). */
export type Author = { user: string; at: string; device_id?: string };

export type CouchDoc = { _id: string; _rev?: string } & Record<string, unknown>;

export type FieldConflict = { field: RegistryField; kept: string; registry: string };

export function valueAt(record: object, path: string): string | undefined {
	let current: unknown = record;
	for (const key of path.split('.')) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return typeof current === 'string' ? current : undefined;
}

function withValueAt<T extends object>(record: T, path: string, value: string): T {
	const [key, ...rest] = path.split('.');
	const copy = { ...(record as Record<string, unknown>) };
	copy[key] =
		rest.length === 0
			? value
			: withValueAt((copy[key] as object | undefined) ?? {}, rest.join('.'), value);
	return copy as T;
}

type Editable = { edits?: FieldEditOf<string>[] };

/** Whether the import may replace the stored value of a field: the value is absent, or it is
 * the import's own (the field's last edit is the import's, or it was never edited and the
 * record was made by the import under its own key). */
function isImportsToChange(
	stored: Editable & object,
	field: string,
	isOwnRecord: boolean
): boolean {
	if (valueAt(stored, field) === undefined) return true;
	const edit = stored.edits?.find((entry) => entry.field === field);
	return edit ? edit.device_id === REGISTRY_DEVICE : isOwnRecord;
}

export type FieldPlan = { apply: RegistryField[]; conflicts: FieldConflict[] };

export function compareFields(
	stored: Editable & object,
	wanted: Partial<Record<RegistryField, string>>,
	isOwnRecord: boolean,
	/** Fields that follow another (a person's group follows the household): never a conflict. */
	following: readonly RegistryField[] = []
): FieldPlan {
	const plan: FieldPlan = { apply: [], conflicts: [] };
	for (const [field, value] of Object.entries(wanted) as [RegistryField, string | undefined][]) {
		if (value === undefined) continue;
		const current = valueAt(stored, field);
		if (current === value) continue;
		if (following.includes(field) || isImportsToChange(stored, field, isOwnRecord)) {
			plan.apply.push(field);
		} else plan.conflicts.push({ field, kept: current ?? '', registry: value });
	}
	return plan;
}

export type Built = { ok: true; doc: CouchDoc } | { ok: false; reason: string };

export function stampOf(author: Author) {
	return { by: author.user, at: author.at, device_id: author.device_id ?? REGISTRY_DEVICE };
}

function asDoc(record: WardRecord, rev?: string): CouchDoc {
	const { id, ...fields } = JSON.parse(JSON.stringify(record)) as WardRecord;
	return { _id: id, ...(rev ? { _rev: rev } : {}), ...fields };
}

export function checked(candidate: unknown, rev?: string): Built {
	const result = checkRecord(candidate);
	return result.ok
		? { ok: true, doc: asDoc(result.record, rev) }
		: { ok: false, reason: describeProblems(result.problems) };
}

/** A new record as the gateway would store it: audited and stamped by the import. */
export function newRecord(fields: Record<string, unknown>, author: Author): Built {
	return checked({
		...fields,
		audit: {
			created_at: author.at,
			created_by: author.user,
			updated_at: author.at,
			updated_by: author.user,
			device_id: REGISTRY_DEVICE
		},
		stamp: stampOf(author)
	});
}

/** The stored record with the fields applied, a new version for each, audited and stamped. */
export function updatedRecord(
	stored: (Household | Person) & { _rev: string },
	wanted: Partial<Record<string, string>>,
	apply: readonly string[],
	editable: readonly string[],
	author: Author
): Built {
	const { _rev, ...rest } = stored;
	const previous: Household | Person = rest;
	let next: Record<string, unknown> = { ...previous };
	for (const field of apply) next = withValueAt(next, field, wanted[field] as string);
	const device_id = author.device_id ?? REGISTRY_DEVICE;
	const editor = { device_id, by: author.user, at: author.at };
	const edits = editsAfterWrite(editable, previous, next, previous.edits, editor);
	if (edits.length > 0) next.edits = edits;
	next.audit = {
		...previous.audit,
		updated_at: author.at,
		updated_by: author.user,
		device_id
	};
	next.stamp = stampOf(author);
	return checked(next, _rev);
}
