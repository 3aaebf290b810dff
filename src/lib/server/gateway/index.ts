// The sync gateway: `/db/<ward database>/…` speaks the part of the CouchDB replication
// protocol that RxDB and stock PouchDB use, filtered to the caller's scope, and forwards to
// CouchDB with the server's own credentials (the caller's Authorization never goes upstream).

import type { RequestEvent } from '@sveltejs/kit';
import { json } from '@sveltejs/kit';
import { authenticate, authenticator } from '../auth/caller';
import { couch } from '../config';
import { CouchError } from '../couch/client';
import { Refusal, jsonResponse, refusal } from '../http';
import { logEvent } from '../log';
import { bulkDocs } from './bulk-docs';
import { changes } from './changes';
import type { GatewayContext } from './context';
import { deleteDocument, getDocument, postDocument, putDocument } from './document';
import { localDocument } from './local-docs';
import { PlacementResolver } from './placement';
import { allDocs, bulkGet, revsDiff } from './reads';
import { parseGatewayPath, type Endpoint } from './route';
import { resolveScope } from './scope';

export { isGatewayPath } from './route';

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

async function databaseInfo(context: GatewayContext): Promise<Response> {
	// Counts are left out: they describe the whole ward, not the caller's part of it.
	const info = await context.client.json<{ db_name: string; update_seq: unknown }>(
		context.scope.database
	);
	return json({
		db_name: info.db_name,
		update_seq: info.update_seq,
		instance_start_time: '0'
	});
}

function dispatch(context: GatewayContext, endpoint: Endpoint, method: Method): Promise<Response> {
	const is = (...methods: Method[]) => methods.includes(method);
	switch (endpoint.kind) {
		case 'info':
			if (is('GET', 'HEAD')) return databaseInfo(context);
			if (is('POST')) return postDocument(context);
			// Creating or dropping a database is provisioning's job, not a device's.
			if (is('PUT', 'DELETE')) throw new Refusal(403, 'gateway.unreachable');
			break;
		case 'changes':
			if (is('GET', 'POST')) return changes(context);
			break;
		case 'all_docs':
			if (is('GET', 'POST')) return allDocs(context);
			break;
		case 'bulk_get':
			if (is('POST')) return bulkGet(context);
			break;
		case 'revs_diff':
			if (is('POST')) return revsDiff(context);
			break;
		case 'bulk_docs':
			if (is('POST')) return bulkDocs(context);
			break;
		case 'ensure_full_commit':
			if (is('POST'))
				return Promise.resolve(json({ ok: true, instance_start_time: '0' }, { status: 201 }));
			break;
		case 'local':
			return localDocument(context, endpoint.id);
		case 'document':
			if (is('GET')) return getDocument(context, endpoint.id);
			if (is('PUT')) return putDocument(context, endpoint.id);
			if (is('DELETE')) return deleteDocument(context, endpoint.id);
			break;
		case 'unreachable':
			throw new Refusal(403, 'gateway.unreachable');
	}
	throw new Refusal(405, 'gateway.method');
}

function failure(error: unknown): Response {
	if (error instanceof Refusal) return error.toResponse();
	if (error instanceof CouchError) {
		// CouchDB refusing the server itself, or failing, is not the caller's doing.
		if (error.status === 401 || error.status === 403 || error.status >= 500) {
			logEvent('error', 'gateway.upstream', { status: error.status, error: error.error });
			return refusal(503, 'gateway.unavailable');
		}
		return jsonResponse(error.status, { error: error.error, reason: error.reason });
	}
	logEvent('error', 'gateway.failed', { error: (error as Error)?.name ?? 'unknown' });
	return refusal(503, 'gateway.unavailable');
}

export async function handleGateway(event: RequestEvent): Promise<Response> {
	const target = parseGatewayPath(event.url.pathname);
	if (!target || target.kind === 'malformed') return refusal(400, 'gateway.bad_request');
	// PouchDB asks the server root for an id; nothing about the data is in it.
	if (target.kind === 'root') return json({ couchdb: 'Welcome', vendor: { name: 'hssk' } });
	try {
		const outcome = await authenticate(event);
		if (!outcome.ok) {
			const headers: Record<string, string> = outcome.retryAfterSeconds
				? { 'retry-after': String(outcome.retryAfterSeconds) }
				: {};
			return refusal(outcome.status, outcome.key, headers);
		}
		const { caller } = outcome;
		const { user, deviceId } = caller;
		const scope = await resolveScope(user, target.database, deviceId, authenticator().directory);
		if (typeof scope === 'string') return refusal(403, scope);
		const client = couch();
		const context: GatewayContext = {
			event,
			client,
			scope,
			placements: new PlacementResolver(client, scope.database),
			caller,
			isCallerSignedIn: () => authenticator().isStillSignedIn(caller)
		};
		return await dispatch(context, target.endpoint, event.request.method as Method);
	} catch (error) {
		return failure(error);
	}
}
