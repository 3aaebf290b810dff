// What every JSON endpoint for signed-in people does first: find the caller, and turn a
// thrown refusal or a CouchDB failure into an answer (logged by name, never by content).

import type { RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '$lib/domain';
import type { Caller } from './auth/authenticator';
import { authenticate } from './auth/caller';
import { Refusal, refusal } from './http';
import { logEvent } from './log';

export async function withSignedIn(
	event: RequestEvent,
	failureEvent: string,
	handle: (user: SessionUser, caller: Caller) => Promise<Response>
): Promise<Response> {
	try {
		const outcome = await authenticate(event);
		if (!outcome.ok) return refusal(outcome.status, outcome.key);
		return await handle(outcome.caller.user, outcome.caller);
	} catch (error) {
		if (error instanceof Refusal) return error.toResponse();
		logEvent('error', failureEvent, { error: (error as Error).name });
		return refusal(503, 'gateway.unavailable');
	}
}
