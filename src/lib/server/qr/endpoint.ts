// What every QR endpoint for staff and collaborators does first: find the caller, and turn a
// thrown refusal or a CouchDB failure into an answer.

import type { RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '$lib/domain';
import { authenticate } from '../auth/caller';
import { Refusal, refusal } from '../http';
import { logEvent } from '../log';

export async function withCaller(
	event: RequestEvent,
	handle: (user: SessionUser) => Promise<Response>
): Promise<Response> {
	try {
		const outcome = await authenticate(event);
		if (!outcome.ok) return refusal(outcome.status, outcome.key);
		return await handle(outcome.caller.user);
	} catch (error) {
		if (error instanceof Refusal) return error.toResponse();
		logEvent('error', 'qr.failed', { error: (error as Error).name });
		return refusal(503, 'gateway.unavailable');
	}
}
