// The only way screens write records. Every write is checked with the same zod rules the
// gateway runs (`checkRecord`), fills `audit` from the signed-in user and this device, and
// clears `stamp`: the server's receipt belongs to the copy it accepted, not to a local edit,
// and a record without one is what "waiting to be sent" means (see src/lib/sync/waiting.ts).
//
//   saveHousehold(db, draft)   → WriteResult<Household>    new or edited household
//   savePerson(db, draft)      → WriteResult<Person>       ward and group come from the household
//   addDeclaration(db, draft)  → WriteResult<Declaration>  insert only; placement from the person,
//                                                         consent recorded now or the household's
//   householdConsent(db, id)   → Consent | null           the consent a household gave, if any
//   confirmClash(db, target, choice) → WriteResult<…>      ward staff settle a clash
//
// A refused draft writes nothing and returns every problem as a field path and a MessageKey.

import type { RxDocument } from 'rxdb';
import type { z } from 'zod';
import {
	checkDeclarationForPerson,
	consentProblemOf,
	checkRecord,
	clashKeyOf,
	settleClash,
	type ClashChoice,
	type ClashOf,
	editsAfterWrite,
	HOUSEHOLD_EDITABLE_FIELDS,
	newId,
	PERSON_EDITABLE_FIELDS,
	wardOfGroup,
	type Audit,
	type Consent,
	type Declaration,
	type DeclarationSchema,
	type FieldEditOf,
	type FieldProblem,
	type Household,
	type HouseholdSchema,
	type Person,
	type PersonSchema,
	type WardRecord
} from '$lib/domain';
import type { DeviceDatabase } from './database';
import { isSameEdit } from './conflict-handler';

export type WriteResult<T> = { ok: true; record: T } | { ok: false; problems: FieldProblem[] };

type Managed = 'id' | 'type' | 'audit' | 'stamp' | 'edits' | 'clashes';

/** What a household form hands in; `id` only when editing. */
export type HouseholdDraft = Omit<z.input<typeof HouseholdSchema>, Managed> & { id?: string };
/** What a person form hands in; placement follows the household. */
export type PersonDraft = Omit<z.input<typeof PersonSchema>, Managed | 'ward' | 'group'> & {
	id?: string;
};
/** Consent recorded with this declaration: when, by whom and on which device follow from it. */
export type ConsentDraft = Pick<Consent, 'given_by' | 'mode' | 'text_version'>;
/**
 * What a declaration form hands in; everything else follows the person and the user. Without
 * `consent`, the declaration carries the consent its household gave before.
 */
export type DeclarationDraft = Pick<
	z.input<typeof DeclarationSchema>,
	'person' | 'role' | 'channel' | 'corrects' | 'health'
> & { declared_at?: string; consent?: ConsentDraft };

function refused(path: string, key: FieldProblem['key']): { ok: false; problems: FieldProblem[] } {
	return { ok: false, problems: [{ path, key }] };
}

/** Stored records are plain JSON: no `undefined` members for IndexedDB to keep. */
function plain<T>(record: T): T {
	return JSON.parse(JSON.stringify(record)) as T;
}

function auditFor(db: DeviceDatabase, previous: Audit | undefined, at: string): Audit {
	return {
		created_at: previous?.created_at ?? at,
		created_by: previous?.created_by ?? db.username,
		updated_at: at,
		updated_by: db.username,
		device_id: db.deviceId
	};
}

function checked<T extends WardRecord>(candidate: unknown): WriteResult<T> {
	const result = checkRecord(candidate);
	return result.ok ? { ok: true, record: plain(result.record as T) } : result;
}

/** An edit that changes nothing is not written: it would only resend the same record. */
function unchanged<T extends { audit: Audit }>(previous: T, next: T): boolean {
	return isSameEdit(
		{ ...previous, audit: null, _deleted: false },
		{ ...next, audit: null, _deleted: false }
	);
}

/**
 * Each field this edit changed gets a new version by this device, so that a concurrent edit
 * of another field on another device merges with it (src/lib/domain/record-merge.ts).
 */
function withEdits<F extends string, T extends { edits?: FieldEditOf<F>[] }>(
	db: DeviceDatabase,
	fields: readonly F[],
	previous: T,
	next: T,
	at: string
): T {
	const edits = editsAfterWrite(fields, previous, next, previous.edits, {
		device_id: db.deviceId,
		by: db.username,
		at
	});
	const record: T = { ...next };
	if (edits.length > 0) record.edits = edits;
	else delete record.edits;
	return record;
}

export async function saveHousehold(
	db: DeviceDatabase,
	draft: HouseholdDraft
): Promise<WriteResult<Household>> {
	const existing = draft.id ? await db.rx.households.findOne(draft.id).exec() : null;
	const previous = existing?.toJSON() as Household | undefined;
	const at = new Date().toISOString();
	const result = checked<Household>({
		...draft,
		id: draft.id ?? newId('household'),
		type: 'household',
		audit: auditFor(db, previous?.audit, at),
		edits: previous?.edits,
		clashes: previous?.clashes,
		stamp: undefined
	});
	if (!result.ok) return result;
	if (wardOfGroup(result.record.group) !== result.record.ward)
		return refused('group', 'code.invalid');
	if (existing && previous) {
		if (unchanged(previous, result.record)) return { ok: true, record: previous };
		const record = withEdits(db, HOUSEHOLD_EDITABLE_FIELDS, previous, result.record, at);
		await existing.incrementalModify(() => record);
		return { ok: true, record };
	} else {
		await db.rx.households.insert(result.record);
	}
	return result;
}

export async function savePerson(
	db: DeviceDatabase,
	draft: PersonDraft
): Promise<WriteResult<Person>> {
	const household = await db.rx.households.findOne(draft.household).exec();
	if (!household) return refused('household', 'id.invalid');
	const existing = draft.id ? await db.rx.persons.findOne(draft.id).exec() : null;
	const previous = existing?.toJSON() as Person | undefined;
	const at = new Date().toISOString();
	const result = checked<Person>({
		...draft,
		id: draft.id ?? newId('person'),
		type: 'person',
		ward: household.ward,
		group: household.group,
		audit: auditFor(db, previous?.audit, at),
		edits: previous?.edits,
		clashes: previous?.clashes,
		stamp: undefined
	});
	if (!result.ok) return result;
	if (existing && previous) {
		if (unchanged(previous, result.record)) return { ok: true, record: previous };
		const record = withEdits(db, PERSON_EDITABLE_FIELDS, previous, result.record, at);
		await existing.incrementalModify(() => record);
		return { ok: true, record };
	} else {
		await db.rx.persons.insert(result.record);
	}
	return result;
}

/**
 * The newest consent among the household's declarations on this device, its own or synced
 * from another device of the household's group.
 */
export async function householdConsent(
	db: DeviceDatabase,
	household: string
): Promise<Consent | null> {
	const declarations = await db.rx.declarations
		.find({ selector: { household }, sort: [{ declared_at: 'desc' }] })
		.exec();
	for (const declaration of declarations) {
		const consent = (declaration.toJSON() as Declaration).consent;
		if (consent) return consent;
	}
	return null;
}

async function consentFor(
	db: DeviceDatabase,
	draft: DeclarationDraft,
	person: Person,
	declaredAt: string
): Promise<Consent | null | 'stranger'> {
	if (!draft.consent) return householdConsent(db, person.household);
	const giver = (await db.rx.persons.findOne(draft.consent.given_by).exec())?.toJSON() as
		Person | undefined;
	if (!giver || giver.household !== person.household) return 'stranger';
	return {
		text_version: draft.consent.text_version,
		given_by: draft.consent.given_by,
		mode: draft.consent.mode,
		given_at: declaredAt,
		recorded_by: db.username,
		device_id: db.deviceId
	};
}

export async function addDeclaration(
	db: DeviceDatabase,
	draft: DeclarationDraft
): Promise<WriteResult<Declaration>> {
	const person = (await db.rx.persons.findOne(draft.person).exec())?.toJSON() as Person | undefined;
	if (!person) return refused('person', 'id.invalid');
	const at = new Date().toISOString();
	const declaredAt = draft.declared_at ?? at;
	const consent = await consentFor(db, draft, person, declaredAt);
	if (consent === 'stranger') return refused('consent.given_by', 'consent.given_by');
	const result = checked<Declaration>({
		id: newId('declaration'),
		type: 'declaration',
		ward: person.ward,
		group: person.group,
		person: person.id,
		household: person.household,
		declared_at: declaredAt,
		declared_by: db.username,
		role: draft.role,
		channel: draft.channel,
		corrects: draft.corrects,
		health: draft.health,
		...(consent ? { consent } : {}),
		audit: auditFor(db, undefined, at)
	});
	if (!result.ok) return result;
	const consentProblem = consentProblemOf(result.record);
	if (consentProblem) return refused(consentProblem.path, consentProblem.key);
	const pregnancy = checkDeclarationForPerson(result.record, person);
	if (pregnancy) return refused('health.pregnant', pregnancy);
	await db.rx.declarations.insert(result.record);
	return result;
}

export type ClashTarget = { collection: 'households' | 'persons'; id: string; clash: string };

/**
 * Ward staff confirm one value of a clash (src/lib/domain/clash-settle.ts). The result is
 * checked like any edit, because a value lost days ago may no longer pass today's rules; a
 * person taking back an old household takes that household's group with it.
 */
export async function confirmClash(
	db: DeviceDatabase,
	target: ClashTarget,
	choice: ClashChoice
): Promise<WriteResult<Household | Person>> {
	return target.collection === 'households'
		? confirmIn(db, await db.rx.households.findOne(target.id).exec(), target.clash, choice)
		: confirmIn(db, await db.rx.persons.findOne(target.id).exec(), target.clash, choice);
}

async function confirmIn<T extends Household | Person>(
	db: DeviceDatabase,
	existing: RxDocument<T> | null,
	key: string,
	choice: ClashChoice
): Promise<WriteResult<T>> {
	const previous = existing?.toJSON() as T | undefined;
	const clashes: readonly ClashOf<string>[] = previous?.clashes ?? [];
	const clash = clashes.find((held) => clashKeyOf(held) === key);
	if (!existing || !previous || !clash) return refused('clashes', 'id.invalid');
	const at = new Date().toISOString();
	let next = settleClash<string, T>(previous, clash, choice, {
		device_id: db.deviceId,
		by: db.username,
		at
	});
	if (next.type === 'person') {
		const household = await db.rx.households.findOne(next.household).exec();
		if (!household) return refused('household', 'id.invalid');
		next = { ...next, ward: household.ward, group: household.group };
	}
	const result = checked<T>({ ...next, audit: auditFor(db, previous.audit, at), stamp: undefined });
	if (!result.ok) return result;
	if (result.record.type === 'household' && wardOfGroup(result.record.group) !== result.record.ward)
		return refused('group', 'code.invalid');
	const record = result.record;
	await existing.incrementalModify(() => record);
	return result;
}
