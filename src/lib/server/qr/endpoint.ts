// The QR endpoints' caller and failures: see ../endpoint.ts.

import type { RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '$lib/domain';
import type { Caller } from '../auth/authenticator';
import { withSignedIn } from '../endpoint';

export function withCaller(
	event: RequestEvent,
	handle: (user: SessionUser, caller: Caller) => Promise<Response>
): Promise<Response> {
	return withSignedIn(event, 'qr.failed', handle);
}
