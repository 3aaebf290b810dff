// Liveness for load balancers and the test stack: the app answers, and so does CouchDB.

import { json, type RequestHandler } from '@sveltejs/kit';
import { couch } from '$lib/server/config';
import { logEvent } from '$lib/server/log';

const COUCH_TIMEOUT_MS = 3_000;

export const GET: RequestHandler = async () => {
	try {
		const response = await couch().request('/', { signal: AbortSignal.timeout(COUCH_TIMEOUT_MS) });
		await response.body?.cancel();
		if (response.ok) return json({ status: 'ok', couchdb: 'ok' });
		logEvent('error', 'health.couchdb', { status: response.status });
	} catch (error) {
		logEvent('error', 'health.couchdb', { error: (error as Error).name });
	}
	return json({ status: 'unavailable', couchdb: 'unreachable' }, { status: 503 });
};
