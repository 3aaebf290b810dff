// What a claim link opens, before any answer: only whether it is live and the ward's contact.
// Nothing about the household is told to someone who has not answered the check.

import { json, type RequestHandler } from '@sveltejs/kit';
import { refusal } from '$lib/server/http';
import { logEvent } from '$lib/server/log';
import { householdClaims } from '$lib/server/qr';
import { wardContact } from '$lib/server/qr/access';
import { claimRefusal } from '$lib/server/qr/answers';

export const GET: RequestHandler = async (event) => {
	try {
		const target = await householdClaims().target(
			event.params.token ?? '',
			event.getClientAddress()
		);
		if (!target.ok) {
			logEvent('warn', 'claim.refused', { reason: target.key, ward: target.ward });
			return await claimRefusal(target);
		}
		return json({ state: 'active', ward: await wardContact(target.qr.ward) });
	} catch (error) {
		logEvent('error', 'claim.failed', { error: (error as Error).name });
		return refusal(503, 'gateway.unavailable');
	}
};
