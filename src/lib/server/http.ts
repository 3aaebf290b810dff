// JSON answers in CouchDB's shape (`{ error, reason }`), with the reason in Vietnamese first
// and English second, so PouchDB, RxDB and our own screens all read the same refusal.

import { bilingual, type MessageKey } from '$lib/domain';

export function jsonResponse(
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers }
	});
}

/** CouchDB's error names by status, so clients that switch on `error` keep working. */
const ERROR_NAMES: Record<number, string> = {
	400: 'bad_request',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	405: 'method_not_allowed',
	409: 'conflict',
	413: 'too_large',
	429: 'too_many_requests',
	503: 'service_unavailable'
};

export function refusal(
	status: number,
	key: MessageKey,
	headers: Record<string, string> = {}
): Response {
	return jsonResponse(
		status,
		{ error: ERROR_NAMES[status] ?? 'error', reason: bilingual(key) },
		headers
	);
}

/** A refusal that can be thrown from deep inside a handler and answered at its top. */
export class Refusal extends Error {
	constructor(
		readonly status: number,
		readonly key: MessageKey,
		readonly headers: Record<string, string> = {}
	) {
		super(`${status} ${key}`);
	}

	toResponse(): Response {
		return refusal(this.status, this.key, this.headers);
	}
}
