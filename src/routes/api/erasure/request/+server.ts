// A household asks, from its own phone, for its data to be erased: `POST` records the request
// for the ward's staff (it erases nothing by itself). Only a household's phone, and only for
// its own household: the household is the session's, never the body's.

import { json, type RequestHandler } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { couch } from '$lib/server/config';
import { withSignedIn } from '$lib/server/endpoint';
import { requestErasure } from '$lib/server/erasure';
import { Refusal } from '$lib/server/http';

export const POST: RequestHandler = (event) =>
	withSignedIn(event, 'erasure.request_failed', async (user, caller) => {
		const group = user.groups[0]?.code;
		if (user.role !== 'resident' || !user.household || !user.ward || !group) {
			throw new Refusal(403, 'erasure.resident_only');
		}
		const { request, isNew } = await requestErasure(couch(), {
			ward: user.ward.code,
			group,
			household: user.household,
			by: user.username,
			...(caller.deviceId ? { deviceId: caller.deviceId } : {}),
			now: new Date()
		});
		if (isNew) {
			audit(caller, { unit: user.ward.code, action: 'erasure.requested', target: user.household });
		}
		return json(
			{ state: request.state, requested_at: request.requested_at },
			{ status: isNew ? 201 : 200 }
		);
	});
