// One household's QR code for ward staff: its state (GET), a new token or a revocation
// (POST). Revoking also revokes every phone that claimed the household with it.

import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { claimLink, isRecordId, type SessionUser } from '$lib/domain';
import { audit } from '$lib/server/audit';
import { couch } from '$lib/server/config';
import { Refusal, refusal } from '$lib/server/http';
import { logEvent } from '$lib/server/log';
import { qrStore } from '$lib/server/qr';
import { managesWard } from '$lib/server/qr/access';
import { withCaller } from '$lib/server/qr/endpoint';
import { householdIn, type SheetHousehold } from '$lib/server/qr/households';
import { disablePhones } from '$lib/server/qr/phones';
import type { HouseholdQr } from '$lib/server/qr/qr-store';

const ActionSchema = z.object({
	household: z.string().refine((id) => isRecordId(id, 'household'), { error: 'id.invalid' }),
	action: z.enum(['issue', 'revoke'], { error: 'choice.invalid' })
});

/** The household, if the caller manages its ward; refusals otherwise. */
async function managedHousehold(user: SessionUser, id: string): Promise<SheetHousehold> {
	const wardCode = user.ward?.code;
	if (!wardCode || !managesWard(user, wardCode)) throw new Refusal(403, 'qr.forbidden');
	const household = await householdIn(couch(), wardCode, id);
	if (!household) throw new Refusal(404, 'gateway.not_found');
	return household;
}

function describe(qr: HouseholdQr | null, origin: string) {
	if (!qr) return { state: 'none' as const, phones: 0 };
	return {
		state: qr.state,
		issued_at: qr.issued_at,
		phones: qr.phones.length,
		...(qr.state === 'active'
			? { link: claimLink(origin, qr.token), check_code: qr.check_code }
			: {})
	};
}

export const GET: RequestHandler = (event) =>
	withCaller(event, async (user, caller) => {
		const id = event.url.searchParams.get('household') ?? '';
		if (!isRecordId(id, 'household')) return refusal(400, 'id.invalid');
		const household = await managedHousehold(user, id);
		// The answer holds the household's live link and check code: a credential was read.
		audit(caller, { unit: household.ward, action: 'qr.read', target: household.id });
		return json(describe(await qrStore().current(household.id), event.url.origin));
	});

export const POST: RequestHandler = (event) =>
	withCaller(event, async (user, caller) => {
		let body: unknown;
		try {
			body = await event.request.json();
		} catch {
			return refusal(400, 'gateway.bad_request');
		}
		const input = ActionSchema.safeParse(body);
		if (!input.success) return refusal(400, 'gateway.bad_request');
		const household = await managedHousehold(user, input.data.household);
		const store = qrStore();
		if (input.data.action === 'issue') {
			const qr = await store.issue(
				{ household: household.id, ward: household.ward },
				user.username
			);
			logEvent('info', 'qr.issued', { user: user.username, ward: household.ward });
			audit(caller, { unit: household.ward, action: 'qr.issued', target: household.id });
			return json(describe(qr, event.url.origin));
		}
		const revoked = await store.revoke(household.id, user.username);
		if (!revoked) return json(describe(null, event.url.origin));
		await disablePhones(couch(), revoked.phones);
		await store.clearPhones(household.id);
		audit(caller, {
			unit: household.ward,
			action: 'qr.revoked',
			target: household.id,
			count: revoked.phones.length
		});
		logEvent('info', 'qr.revoked', {
			user: user.username,
			ward: household.ward,
			phones: revoked.phones.length
		});
		return json({ ...describe(revoked, event.url.origin), phones: 0 });
	});
