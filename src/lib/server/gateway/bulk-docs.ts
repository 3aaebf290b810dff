// Writes through the gateway: `_bulk_docs` (normal edits from RxDB, replicated revisions from
// PouchDB with new_edits=false) and single-document PUT/DELETE. Each document is judged on its
// own; the accepted ones go to CouchDB in one request and the answer keeps the request's order.

import { json } from '@sveltejs/kit';
import { bilingual } from '$lib/domain';
import { Refusal } from '../http';
import { logEvent } from '../log';
import { wardProgressCache } from '../progress';
import { flagDuplicatesLater } from '../registry/sync-duplicates';
import type { Person } from '$lib/domain';
import { readJsonObject } from './body';
import { upstream, type GatewayContext } from './context';
import { auditRecords } from './audit-records';
import { mergeReplicatedBranches } from './branch-merge';
import { currentStates } from './current-state';
import { decideWrite, incomingId, type CurrentState, type WriteDecision } from './write-rules';

export type WriteRow =
	| { ok: true; id: string; rev: string }
	| { id: string; rev?: string; error: string; reason: string };

const ERROR_STATUS: Record<string, number> = { forbidden: 403, not_found: 404, conflict: 409 };

type UpstreamRow = { id?: string; rev?: string; ok?: boolean; error?: string; reason?: string };

function logDecisions(context: GatewayContext, decisions: WriteDecision[], isNewEdits: boolean) {
	const { scope } = context;
	const who = { user: scope.user, device: scope.deviceId, database: scope.database };
	for (const decision of decisions) {
		if (!decision.ok) {
			logEvent('warn', 'record.refused', { ...who, id: decision.id, reason: decision.reason });
		} else if (!isNewEdits) {
			// A replicated revision cannot carry the server's stamp: this line is its stamp.
			const rev = typeof decision.doc._rev === 'string' ? decision.doc._rev : undefined;
			logEvent('info', 'record.replicated', { ...who, id: decision.id, rev });
		}
	}
}

/** The people this write added (new ids, stored, not refused): what the ward is searched
 * for duplicates of, beyond what the device could see. */
function addedPersons(
	decisions: readonly WriteDecision[],
	rows: readonly WriteRow[],
	states: ReadonlyMap<string, CurrentState>
): Person[] {
	// A replicated write's answer may list only its errors: what is not refused was stored.
	const failed = new Set(rows.filter((row) => !('ok' in row)).map((row) => row.id));
	return decisions.flatMap((decision) => {
		if (!decision.ok || !decision.id.startsWith('person:') || decision.doc._deleted) return [];
		const before = states.get(decision.id);
		if ((before && !before.isDeleted) || failed.has(decision.id)) return [];
		return [{ ...decision.doc, id: decision.id } as unknown as Person];
	});
}

export async function writeDocs(
	context: GatewayContext,
	docs: readonly unknown[],
	isNewEdits: boolean
): Promise<WriteRow[]> {
	const ids = docs.map(incomingId).filter((id): id is string => id !== null);
	const states = await currentStates(context, ids);
	const now = new Date();
	const decisions = docs.map((doc) => {
		const id = incomingId(doc);
		return decideWrite(context.scope, doc, id === null ? null : (states.get(id) ?? null), {
			isNewEdits,
			now
		});
	});
	logDecisions(context, decisions, isNewEdits);

	const accepted = decisions.filter((decision) => decision.ok);
	let written: UpstreamRow[] = [];
	if (accepted.length > 0) {
		written = await upstream<UpstreamRow[]>(context, '_bulk_docs', {
			method: 'POST',
			body: { docs: accepted.map((decision) => decision.doc), new_edits: isNewEdits }
		});
		// The dashboard of this process shows the write at once; others within their bound.
		wardProgressCache().forget(context.scope.ward);
		if (!isNewEdits) {
			await mergeReplicatedBranches(
				context,
				accepted.map((decision) => decision.id),
				now
			);
		}
	}
	// CouchDB answers a normal edit row by row; a replicated write may list only its errors.
	const isPositional = isNewEdits || written.length === accepted.length;
	const errorsById = new Map(written.filter((row) => row.error).map((row) => [row.id, row]));
	let next = 0;
	const rows: WriteRow[] = [];
	const stored: string[] = [];
	for (const decision of decisions) {
		if (!decision.ok) {
			rows.push({ id: decision.id, error: 'forbidden', reason: decision.reason });
			continue;
		}
		const row = isPositional ? written[next++] : errorsById.get(decision.id);
		if (!row?.error) stored.push(decision.id);
		if (!row) continue;
		rows.push(
			row.error
				? { id: decision.id, rev: row.rev, error: row.error, reason: upstreamReason(row) }
				: { ok: true, id: decision.id, rev: row.rev ?? '' }
		);
	}
	flagDuplicatesLater(
		context.client,
		context.scope.ward,
		addedPersons(decisions, rows, states),
		context.scope.user
	);
	auditRecords(
		context,
		'records.written',
		isNewEdits ? '_bulk_docs' : '_bulk_docs new_edits=false',
		stored,
		decisions.length > accepted.length ? `refused ${decisions.length - accepted.length}` : undefined
	);
	logEvent('info', 'records.written', {
		user: context.scope.user,
		device: context.scope.deviceId,
		database: context.scope.database,
		new_edits: isNewEdits,
		accepted: accepted.length,
		refused: decisions.length - accepted.length
	});
	return rows;
}

/** CouchDB's own reasons are English: a conflict, the one a device meets, is said in both. */
function upstreamReason(row: UpstreamRow): string {
	if (row.error === 'conflict') return bilingual('gateway.conflict');
	return `${bilingual('gateway.bad_request')} (${row.reason ?? row.error})`;
}

export async function bulkDocs(context: GatewayContext): Promise<Response> {
	const body = await readJsonObject(context.event.request);
	if (!Array.isArray(body.docs)) throw new Refusal(400, 'gateway.bad_request');
	const isNewEdits =
		body.new_edits !== false && context.event.url.searchParams.get('new_edits') !== 'false';
	const rows = await writeDocs(context, body.docs, isNewEdits);
	return json(rows, { status: 201 });
}

/** One document written as `_bulk_docs` would, answered as CouchDB answers a PUT. */
export async function writeOne(
	context: GatewayContext,
	doc: Record<string, unknown>,
	okStatus: 200 | 201 = 201
) {
	const isNewEdits = context.event.url.searchParams.get('new_edits') !== 'false';
	const [row] = await writeDocs(context, [doc], isNewEdits);
	if (!row) return json({ ok: true, id: incomingId(doc), rev: doc._rev }, { status: okStatus });
	if ('ok' in row) return json(row, { status: okStatus });
	const status = ERROR_STATUS[row.error] ?? 400;
	return json({ error: row.error, reason: row.reason }, { status });
}
