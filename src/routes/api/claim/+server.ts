// Claiming a household on this phone: the token, one answer, and the device's id give the
// phone a resident session (an httpOnly cookie) scoped to that household alone.

import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { DeviceIdSchema, problemsOf } from '$lib/domain';
import { audit, auditUnitOf } from '$lib/server/audit';
import { authenticator, noteCaller } from '$lib/server/auth/caller';
import { RESIDENT_SESSION_SECONDS, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { isProduction } from '$lib/server/config';
import { refusal } from '$lib/server/http';
import { logEvent } from '$lib/server/log';
import { householdClaims } from '$lib/server/qr';
import { claimRefusal } from '$lib/server/qr/answers';

const ClaimSchema = z.object({
	token: z.string().max(200, { error: 'claim.malformed' }),
	answer: z
		.string({ error: 'claim.answer_required' })
		.trim()
		.min(1, { error: 'claim.answer_required' })
		.max(40, { error: 'claim.wrong_answer' }),
	device_id: DeviceIdSchema
});

export const POST: RequestHandler = async (event) => {
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		return refusal(400, 'gateway.bad_request');
	}
	const input = ClaimSchema.safeParse(body);
	if (!input.success) {
		const [problem] = problemsOf(input.error);
		return refusal(400, problem?.key ?? 'gateway.bad_request');
	}
	try {
		const outcome = await householdClaims().claim(
			{ token: input.data.token, answer: input.data.answer, deviceId: input.data.device_id },
			event.getClientAddress()
		);
		if (!outcome.ok) {
			logEvent('warn', 'claim.refused', { reason: outcome.key, ward: outcome.ward });
			return await claimRefusal(outcome);
		}
		const session = await authenticator().openResidentSession(
			outcome.username,
			input.data.device_id
		);
		if (!session) return refusal(503, 'gateway.unavailable');
		event.cookies.set(SESSION_COOKIE, session.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: isProduction(),
			maxAge: RESIDENT_SESSION_SECONDS
		});
		const caller = { user: session.user, deviceId: input.data.device_id, via: 'session' } as const;
		noteCaller(event.request, caller);
		audit(caller, {
			unit: auditUnitOf(session.user),
			action: 'claim.accepted',
			target: outcome.household
		});
		logEvent('info', 'claim.accepted', {
			user: session.user.username,
			device: input.data.device_id,
			ward: session.user.ward?.code
		});
		return json({ user: session.user });
	} catch (error) {
		logEvent('error', 'claim.failed', { error: (error as Error).name });
		return refusal(503, 'gateway.unavailable');
	}
};
