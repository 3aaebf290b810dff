// Writes through the gateway: `_bulk_docs` (normal edits from RxDB, replicated revisions from
// PouchDB with new_edits=false) and single-document PUT/DELETE. Each document is judged on its
// own; the accepted ones go to CouchDB in one request and the answer keeps the request's order.

import { json } from '@sveltejs/kit';
import { Refusal } from '../http';
import { logEvent } from '../log';
import { wardProgressCache } from '../progress';
import { flagDuplicatesLater } from '../registry/sync-duplicates';
import type { Person } from '$lib/domain';
import { readJsonObject } from './body';
import { wakeWaiters } from './change-watcher';
import { upstream, type GatewayContext } from './context';
import { auditRecords } from './audit-records';
import { mergeReplicatedBranches } from './branch-merge';
import { batchConsentVersion } from './consent-version';
import { currentStates } from './current-state';
import {
	erasedHouseholds,
	householdOfDeletedPerson,
	householdOfWrite,
	personNamedBy
} from './erasure-guard';
import { answerRows, type UpstreamRow, type WriteRow } from './write-answer';
import { decideWrite, incomingId, type CurrentState, type WriteDecision } from './write-rules';

export type { WriteRow } from './write-answer';

const ERROR_STATUS: Record<string, number> = { forbidden: 403, not_found: 404, conflict: 409 };

function logDecisions(context: GatewayContext, decisions: WriteDecision[], isNewEdits: boolean) {
	const { scope } = context;
	const who = { user: scope.user, device: scope.deviceId, database: scope.database };
	for (const decision of decisions) {
		if (!decision.ok && decision.erasedHousehold) {
			logEvent('info', 'record.erased_refused', {
				...who,
				id: decision.id,
				household: decision.erasedHousehold
			});
		} else if (!decision.ok && decision.error === 'conflict') {
			// A retry whose first answer was lost: nothing is wrong, nothing is written.
			logEvent('info', 'record.resent', { ...who, id: decision.id });
		} else if (!decision.ok) {
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
	const incoming = docs.map(incomingId);
	const people = docs.map((doc, index) => personNamedBy(incoming[index] ?? null, doc));
	// One read answers for the documents and for the people the declarations name.
	const states = await currentStates(
		context,
		[...incoming, ...people].filter((id): id is string => id !== null)
	);
	const peopleHouseholds = people.map((person) => householdOfDeletedPerson(person, states));
	const households = docs.map((doc, index) => {
		const id = incoming[index];
		return householdOfWrite(id, doc, id === null ? undefined : (states.get(id) ?? undefined));
	});
	const erased = await erasedHouseholds(
		context,
		[...households, ...peopleHouseholds].filter(
			(household): household is string => household !== null
		)
	);
	const latestConsentVersion = await batchConsentVersion(context, docs);
	const now = new Date();
	const decisions = docs.map((doc, index) => {
		const id = incoming[index];
		const erasedHousehold = [households[index], peopleHouseholds[index]].find(
			(household) => household !== null && erased.has(household)
		);
		return decideWrite(context.scope, doc, id === null ? null : (states.get(id) ?? null), {
			isNewEdits,
			now,
			erasedHousehold: erasedHousehold ?? null,
			latestConsentVersion
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
		// Devices waiting on the ward hear of it without waiting for CouchDB's longpoll.
		wakeWaiters(context.scope.database);
		if (!isNewEdits) {
			await mergeReplicatedBranches(
				context,
				accepted.map((decision) => decision.id),
				now
			);
		}
	}
	const rows = answerRows(decisions, written);
	const failed = new Set(rows.filter((row) => 'error' in row).map((row) => row.id));
	const stored = accepted.map((decision) => decision.id).filter((id) => !failed.has(id));
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
