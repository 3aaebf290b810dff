// Sign-in, the current session, and sign-out (docs/architecture.md, "HTTP surface").

import { json, type RequestHandler } from '@sveltejs/kit';
import { bilingual, problemsOf, SignInSchema } from '$lib/domain';
import { audit, auditUnitOf } from '$lib/server/audit';
import type { SignInOutcome } from '$lib/server/auth/authenticator';
import { authenticate, authenticator, noteCaller } from '$lib/server/auth/caller';
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from '$lib/server/auth/sessions';
import { isProduction } from '$lib/server/config';
import { jsonResponse, refusal } from '$lib/server/http';
import { logEvent } from '$lib/server/log';

export const POST: RequestHandler = async (event) => {
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		return refusal(400, 'gateway.bad_request');
	}
	const input = SignInSchema.safeParse(body);
	if (!input.success) {
		const [problem] = problemsOf(input.error);
		return refusal(400, problem?.key ?? 'gateway.bad_request');
	}
	let outcome: SignInOutcome;
	try {
		outcome = await authenticator().signIn(input.data, event.getClientAddress());
	} catch (error) {
		// The device can still sign in offline; it needs to know the server could not judge.
		logEvent('error', 'session.failed', { error: (error as Error).name });
		return refusal(503, 'gateway.unavailable');
	}
	if (!outcome.ok) {
		logEvent('warn', 'session.refused', { reason: outcome.key });
		const headers: Record<string, string> = outcome.retryAfterSeconds
			? { 'retry-after': String(outcome.retryAfterSeconds) }
			: {};
		return refusal(outcome.status, outcome.key, headers);
	}
	event.cookies.set(SESSION_COOKIE, outcome.token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isProduction(),
		maxAge: SESSION_MAX_AGE_SECONDS
	});
	const caller = { user: outcome.user, deviceId: input.data.device_id, via: 'session' } as const;
	noteCaller(event.request, caller);
	audit(caller, { unit: auditUnitOf(outcome.user), action: 'session.signed_in' });
	logEvent('info', 'session.created', {
		user: outcome.user.username,
		device: input.data.device_id,
		role: outcome.user.role
	});
	return json({ user: outcome.user });
};

export const GET: RequestHandler = async (event) => {
	try {
		const outcome = await authenticate(event);
		if (outcome.ok) return json({ user: outcome.caller.user });
		const token = event.cookies.get(SESSION_COOKIE);
		if (token && (await authenticator().isSessionOfDisabledStaff(token))) {
			// `key` says which refusal this is: the device deletes its records on this one alone.
			return jsonResponse(403, {
				error: 'forbidden',
				key: 'auth.disabled',
				reason: bilingual('auth.disabled')
			});
		}
		return refusal(outcome.status, outcome.key);
	} catch (error) {
		logEvent('error', 'session.failed', { error: (error as Error).name });
		return refusal(503, 'gateway.unavailable');
	}
};

export const DELETE: RequestHandler = async (event) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const outcome = await authenticate(event);
		await authenticator().signOut(token);
		if (outcome.ok) {
			audit(outcome.caller, {
				unit: auditUnitOf(outcome.caller.user),
				action: 'session.signed_out'
			});
			logEvent('info', 'session.revoked', {
				user: outcome.caller.user.username,
				device: outcome.caller.deviceId
			});
		}
	}
	event.cookies.delete(SESSION_COOKIE, { path: '/', secure: isProduction() });
	return new Response(null, { status: 204 });
};
