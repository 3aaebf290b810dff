// Everything a gateway handler needs for one request: the caller's scope in the database,
// the CouchDB client (admin credentials stay inside it), and the placement look-ups.

import type { RequestEvent } from '@sveltejs/kit';
import type { Caller } from '../auth/authenticator';
import type { CouchClient, CouchRequest } from '../couch/client';
import type { PlacementResolver } from './placement';
import type { Scope } from './scope';

export type GatewayContext = {
	event: RequestEvent;
	client: CouchClient;
	scope: Scope;
	placements: PlacementResolver;
	/** Who is asking, for the audit trail (user and device). */
	caller: Caller;
	/** Whether the caller may still be served: a longpoll asks before it answers, so an
	 * account disabled while its device waits gets nothing more. */
	isCallerSignedIn: () => Promise<boolean>;
};

/** A path inside the ward database, with the document id encoded as one segment. */
export function docPath(database: string, id: string): string {
	return `${database}/${encodeURIComponent(id)}`;
}

/** CouchDB's answer as JSON; a non-2xx answer throws (see client.ts, CouchError). */
export function upstream<T>(
	context: GatewayContext,
	path: string,
	init?: CouchRequest
): Promise<T> {
	return context.client.json<T>(`${context.scope.database}/${path}`, init);
}

export function isTrue(value: unknown): boolean {
	return value === true || value === 'true';
}
