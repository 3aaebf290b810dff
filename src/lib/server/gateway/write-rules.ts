// The gateway's decision on one incoming document: validated with the domain's
// `checkRecord`, inside the caller's scope (where it goes and where it was), declarations
// append-only (the same one sent again is answered `conflict`, as CouchDB answers a document
// that exists, and nothing is written), device statuses written by their own user, and
// stamped with the server's clock on a normal edit. Pure: the caller looks up the current
// state first.

import {
	canonicalJson,
	checkRecord,
	clashKeyOf,
	consentProblemOf,
	describeProblems,
	recordTypeOf,
	type FieldProblem,
	type Stamp,
	type WardRecord
} from '$lib/domain';
import type { CouchDoc } from './placement';
import { placementOfBody, writeProblem, type Placement, type Scope } from './scope';

/** What CouchDB holds under the id now: nothing, or its winning revision, place and body. */
export type CurrentState = {
	rev: string;
	isDeleted: boolean;
	placement: Placement | null;
	/** The winning revision's body, when it is live and was read. */
	doc?: CouchDoc;
} | null;

/** A refusal is `forbidden`; a declaration sent again is `conflict`: it is already stored. */
export type WriteDecision =
	| { ok: true; id: string; doc: CouchDoc }
	| { ok: false; id: string; reason: string; error?: 'conflict'; erasedHousehold?: string };

export type WriteOptions = {
	isNewEdits: boolean;
	now: Date;
	/** The household this document belongs to, when its data was erased (erasure-guard.ts). */
	erasedHousehold?: string | null;
	/**
	 * The newest version of the ward's consent text the server holds, read after the batch
	 * arrived; a new declaration naming a later one is refused. Not checked when absent.
	 */
	latestConsentVersion?: number;
};

function refuse(id: string, problems: FieldProblem[]): WriteDecision {
	return { ok: false, id, reason: describeProblems(problems) };
}

/** The stored declaration holds what was sent again (the stamp and revision aside). */
function isStoredAlready(record: WardRecord, current: CurrentState): boolean {
	if (!current?.doc || current.isDeleted) return false;
	const sent: Record<string, unknown> = { ...record };
	delete sent.stamp;
	const stored = recordFields(current.doc, record.id);
	delete stored.stamp;
	return canonicalJson(sent) === canonicalJson(stored);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RxDB sends `_id`; a record as the domain knows it has `id`. Either names the document. */
export function incomingId(raw: unknown): string | null {
	if (!isObject(raw)) return null;
	const id = raw._id ?? raw.id;
	if (typeof id !== 'string' || id === '') return null;
	if (raw._id !== undefined && raw.id !== undefined && raw._id !== raw.id) return null;
	return id;
}

/** The record's own fields, as `checkRecord` reads them: `id` instead of CouchDB's `_id`. */
function recordFields(raw: Record<string, unknown>, id: string): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (!key.startsWith('_') && key !== 'id') fields[key] = value;
	}
	return { ...fields, id };
}

function hasAttachments(raw: Record<string, unknown>): boolean {
	return isObject(raw._attachments) && Object.keys(raw._attachments).length > 0;
}

/** The place is allowed for the caller, and so is the place the record had before. */
function scopeProblems(scope: Scope, next: Placement, current: CurrentState): FieldProblem[] {
	const problem = writeProblem(scope, next);
	if (problem) return [problem];
	if (current && !current.isDeleted) {
		if (!current.placement) return [{ path: 'group', key: 'gateway.scope' }];
		const before = writeProblem(scope, current.placement);
		if (before) return [before];
	}
	if (current?.isDeleted && current.placement) {
		const before = writeProblem(scope, current.placement);
		if (before) return [before];
	}
	return [];
}

/** A household's own phone declares as the resident, by QR; nobody else may claim to. */
function declarantProblemOf(scope: Scope, record: WardRecord): FieldProblem | null {
	if (record.type !== 'declaration') return null;
	const isResident = scope.household !== undefined;
	if (isResident && (record.role !== 'resident' || record.channel !== 'qr')) {
		return { path: 'channel', key: 'declaration.resident_channel' };
	}
	if (!isResident && record.role === 'resident' && record.channel === 'qr') {
		return { path: 'channel', key: 'declaration.qr_resident_only' };
	}
	return null;
}

/**
 * A new declaration carries the household's consent (docs/decisions/consent.md), under the
 * same rule the device applies before it stores one. One already stored is judged as stored.
 */
function newDeclarationConsentProblem(
	record: WardRecord,
	current: CurrentState,
	latestConsentVersion: number | undefined
): FieldProblem | null {
	if (record.type !== 'declaration' || (current && !current.isDeleted)) return null;
	const problem = consentProblemOf(record);
	if (problem) return problem;
	if (latestConsentVersion !== undefined && record.consent) {
		if (record.consent.text_version > latestConsentVersion) {
			return { path: 'consent.text_version', key: 'consent.unknown_version' };
		}
	}
	return null;
}

type SettledClash = { key: string; settled: string };

function settledClashes(doc: Record<string, unknown> | undefined): SettledClash[] {
	const clashes = doc?.clashes;
	if (!Array.isArray(clashes)) return [];
	return clashes.flatMap((clash: unknown) => {
		if (!isObject(clash) || !isObject(clash.settled) || !isObject(clash.lost_edit)) return [];
		const key = clashKeyOf(clash as Parameters<typeof clashKeyOf>[0]);
		return [{ key, settled: canonicalJson(clash.settled) }];
	});
}

/** A settlement the caller may not make: one the stored copy does not hold as it is sent. */
function settlementProblemOf(
	scope: Scope,
	record: WardRecord,
	current: CurrentState
): FieldProblem | null {
	if (scope.settlesClashes || (record.type !== 'household' && record.type !== 'person')) {
		return null;
	}
	const sent = settledClashes(record);
	if (sent.length === 0) return null;
	const stored = new Set(settledClashes(current?.doc).map((c) => `${c.key}\n${c.settled}`));
	const isNew = sent.some((clash) => !stored.has(`${clash.key}\n${clash.settled}`));
	return isNew ? { path: 'clashes', key: 'gateway.settle_staff_only' } : null;
}

export function stampOf(scope: Scope, now: Date): Stamp {
	return {
		by: scope.user,
		at: now.toISOString(),
		...(scope.deviceId ? { device_id: scope.deviceId } : {})
	};
}

function decideDeletion(
	scope: Scope,
	raw: Record<string, unknown>,
	id: string,
	current: CurrentState,
	options: WriteOptions
): WriteDecision {
	const own = placementOfBody(id, raw);
	const placement = own?.ward ? own : current?.placement;
	if (!placement) return refuse(id, [{ path: '_deleted', key: 'gateway.unknown_deletion' }]);
	const problems = scopeProblems(scope, placement, current);
	if (problems.length > 0) return refuse(id, problems);
	if (!options.isNewEdits) return { ok: true, id, doc: { ...raw, _id: id } };
	// The tombstone keeps its place and nothing else: no health data outlives the record, and
	// the gateway can still filter the deletion after compaction.
	return {
		ok: true,
		id,
		doc: {
			_id: id,
			...(typeof raw._rev === 'string' ? { _rev: raw._rev } : {}),
			_deleted: true,
			type: placement.type,
			ward: placement.ward,
			...(placement.group ? { group: placement.group } : {}),
			...(placement.household && placement.type !== 'household'
				? { household: placement.household }
				: {}),
			...(placement.user ? { user: placement.user } : {}),
			stamp: stampOf(scope, options.now)
		}
	};
}

export function decideWrite(
	scope: Scope,
	raw: unknown,
	current: CurrentState,
	options: WriteOptions
): WriteDecision {
	const id = incomingId(raw);
	if (id === null || !isObject(raw)) {
		return refuse(typeof id === 'string' ? id : '', [{ path: '_id', key: 'id.invalid' }]);
	}
	if (id.startsWith('_')) return refuse(id, [{ path: '_id', key: 'gateway.unreachable' }]);
	const type = recordTypeOf(id);
	if (!type) return refuse(id, [{ path: '_id', key: 'doc.type' }]);
	if (scope.isReadOnly) return refuse(id, [{ path: 'record', key: 'gateway.read_only' }]);
	if (options.erasedHousehold) {
		// Before every other rule: nothing of an erased household is stored again, not even a
		// deletion, and the device is told which household so it drops its own copies.
		return {
			ok: false,
			id,
			reason: describeProblems([{ path: 'household', key: 'erasure.household_erased' }]),
			erasedHousehold: options.erasedHousehold
		};
	}
	if (hasAttachments(raw))
		return refuse(id, [{ path: '_attachments', key: 'gateway.attachments' }]);

	const isDeletion = raw._deleted === true;
	if (type === 'declaration') {
		const isUpdate = options.isNewEdits
			? current !== null || raw._rev !== undefined
			: current !== null && current.rev !== raw._rev;
		if (!isDeletion && isUpdate && options.isNewEdits) {
			const resent = checkRecord(recordFields(raw, id));
			const placement = resent.ok ? placementOfBody(id, resent.record) : null;
			const isReachable =
				placement !== null && scopeProblems(scope, placement, current).length === 0;
			if (resent.ok && isReachable && isStoredAlready(resent.record, current)) {
				return {
					ok: false,
					id,
					error: 'conflict',
					reason: describeProblems([{ path: '_id', key: 'declaration.already_stored' }])
				};
			}
		}
		if (isDeletion || isUpdate) {
			return refuse(id, [
				{ path: isDeletion ? '_deleted' : '_rev', key: 'declaration.append_only' }
			]);
		}
	}
	if (isDeletion) return decideDeletion(scope, raw, id, current, options);

	const check = checkRecord(recordFields(raw, id));
	if (!check.ok) return refuse(id, check.problems);
	const placement = placementOfBody(id, check.record);
	if (!placement) return refuse(id, [{ path: '_id', key: 'doc.type' }]);
	const declarantProblem = declarantProblemOf(scope, check.record);
	if (declarantProblem) return refuse(id, [declarantProblem]);
	const consentProblem = newDeclarationConsentProblem(
		check.record,
		current,
		options.latestConsentVersion
	);
	if (consentProblem) return refuse(id, [consentProblem]);
	// A stale edit is left to CouchDB, which answers `conflict`: the device then merges with
	// the stored copy (whose settlements it keeps) instead of holding a refusal.
	const isStale =
		options.isNewEdits && (current?.isDeleted ? undefined : current?.rev) !== raw._rev;
	const settlementProblem = isStale ? null : settlementProblemOf(scope, check.record, current);
	if (settlementProblem) return refuse(id, [settlementProblem]);
	const problems = scopeProblems(scope, placement, current);
	if (problems.length > 0) return refuse(id, problems);

	if (!options.isNewEdits) return { ok: true, id, doc: { ...raw, _id: id } };
	// Stored as validated (trimmed, unknown fields dropped) with the server's stamp; the
	// device's own stamp, if any, is replaced.
	const fields: Record<string, unknown> = { ...check.record };
	delete fields.id;
	return {
		ok: true,
		id,
		doc: {
			_id: id,
			...(typeof raw._rev === 'string' ? { _rev: raw._rev } : {}),
			...fields,
			stamp: stampOf(scope, options.now)
		}
	};
}
