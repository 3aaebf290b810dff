// One document by id: GET (also with `open_revs`, as PouchDB reads without `_bulk_get`),
// PUT and DELETE, each under the same scope and write rules as the bulk endpoints.

import { json } from '@sveltejs/kit';
import { CouchError } from '../couch/client';
import { Refusal, refusal } from '../http';
import { readJsonObject } from './body';
import { writeOne } from './bulk-docs';
import { auditRecords, sentIds } from './audit-records';
import { docPath, type GatewayContext } from './context';
import { mapLimited, PLACEMENT_LOOKUPS_AT_ONCE, type CouchDoc } from './placement';
import { canRead } from './scope';

const READ_PARAMS = ['rev', 'revs', 'open_revs', 'latest', 'conflicts'] as const;
type OpenRev = { ok: CouchDoc } | { missing: string };

export async function getDocument(context: GatewayContext, id: string): Promise<Response> {
	const params = context.event.url.searchParams;
	const query: Record<string, string> = {};
	for (const name of READ_PARAMS) {
		const value = params.get(name);
		if (value !== null) query[name] = value;
	}
	if (query.open_revs !== undefined && !isOpenRevs(query.open_revs)) {
		return refusal(400, 'gateway.bad_request');
	}
	let answer: CouchDoc | OpenRev[];
	try {
		answer = await context.client.json<CouchDoc | OpenRev[]>(docPath(context.scope.database, id), {
			query
		});
	} catch (error) {
		// "deleted" and "missing" alike: a deletion outside the scope must not show.
		if (error instanceof CouchError && error.status === 404)
			return refusal(404, 'gateway.not_found');
		throw error;
	}
	if (Array.isArray(answer)) {
		const entries = await mapLimited(answer, PLACEMENT_LOOKUPS_AT_ONCE, async (entry) => {
			if (!('ok' in entry)) return entry;
			const placement = await context.placements.ofDoc(entry.ok);
			return canRead(context.scope, placement) ? entry : { missing: entry.ok._rev ?? '' };
		});
		const sent = entries.flatMap((entry) => ('ok' in entry ? [entry.ok] : []));
		auditRecords(context, 'records.read', 'GET', sentIds(sent));
		// With `open_revs=all` the revisions were not asked for: hidden ones are not named.
		if (query.open_revs !== 'all') return json(entries);
		const shown = entries.filter((entry) => 'ok' in entry);
		return shown.length > 0 ? json(shown) : refusal(404, 'gateway.not_found');
	}
	const placement = await context.placements.ofDoc(answer);
	if (!canRead(context.scope, placement)) return refusal(404, 'gateway.not_found');
	auditRecords(context, 'records.read', 'GET', sentIds([answer]));
	return json(answer);
}

/** `all`, or a JSON list of revisions: anything else CouchDB answers with a server error. */
function isOpenRevs(value: string): boolean {
	if (value === 'all') return true;
	try {
		const revs: unknown = JSON.parse(value);
		return Array.isArray(revs) && revs.every((rev) => typeof rev === 'string');
	} catch {
		return false;
	}
}

export async function putDocument(context: GatewayContext, id: string): Promise<Response> {
	const doc = await readJsonObject(context.event.request);
	if (doc._id !== undefined && doc._id !== id) throw new Refusal(400, 'gateway.bad_request');
	const rev = context.event.url.searchParams.get('rev');
	return writeOne(context, { ...doc, _id: id, ...(rev && !doc._rev ? { _rev: rev } : {}) });
}

/** `POST /db/<db>/`: the id is in the body, as ids are made on the device. */
export async function postDocument(context: GatewayContext): Promise<Response> {
	const doc = await readJsonObject(context.event.request);
	if (typeof doc._id !== 'string') throw new Refusal(400, 'gateway.bad_request');
	return writeOne(context, doc);
}

export async function deleteDocument(context: GatewayContext, id: string): Promise<Response> {
	const rev =
		context.event.url.searchParams.get('rev') ??
		context.event.request.headers.get('if-match')?.replace(/"/g, '');
	if (!rev) throw new Refusal(400, 'gateway.bad_request');
	return writeOne(context, { _id: id, _rev: rev, _deleted: true }, 200);
}
