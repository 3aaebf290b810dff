// Ward staff and households' erasure requests: `GET` the ward's requests (open first),
// `POST { household }` to erase a household of the ward, asked for or not. Only the ward's
// own staff; the audit trail keeps who erased which household, with ids only.

import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { isRecordId, type SessionUser } from '$lib/domain';
import { audit } from '$lib/server/audit';
import { couch } from '$lib/server/config';
import { withSignedIn } from '$lib/server/endpoint';
import { eraseHousehold, erasureRequests } from '$lib/server/erasure';
import { wakeWaiters } from '$lib/server/gateway/change-watcher';
import { Refusal, refusal } from '$lib/server/http';
import { logEvent } from '$lib/server/log';
import { wardProgressCache } from '$lib/server/progress';
import { qrStore } from '$lib/server/qr';
import { disablePhones } from '$lib/server/qr/phones';

const OrderSchema = z.object({
	household: z.string().refine((id) => isRecordId(id, 'household'), { error: 'id.invalid' })
});

function staffWardOf(user: SessionUser): { code: string; database: string } {
	if (user.role !== 'ward_staff' || !user.ward) throw new Refusal(403, 'erasure.staff_only');
	return user.ward;
}

export const GET: RequestHandler = (event) =>
	withSignedIn(event, 'erasure.list_failed', async (user, caller) => {
		const ward = staffWardOf(user);
		const requests = await erasureRequests(couch(), ward.code);
		audit(caller, { unit: ward.code, action: 'list.erasure_requests', count: requests.length });
		return json({ requests });
	});

export const POST: RequestHandler = (event) =>
	withSignedIn(event, 'erasure.failed', async (user, caller) => {
		const ward = staffWardOf(user);
		const input = OrderSchema.safeParse(await event.request.json().catch(() => null));
		if (!input.success) return refusal(400, 'gateway.bad_request');
		const { household } = input.data;
		let erasure;
		try {
			erasure = await eraseHousehold(couch(), {
				ward: ward.code,
				household,
				by: user.username,
				now: new Date()
			});
		} catch (error) {
			if (error instanceof Refusal) throw error;
			// CouchDB's message names a path and a reason, never a record's content.
			const reason = error instanceof Error ? error.message.slice(0, 300) : 'unknown';
			logEvent('error', 'erasure.failed', { user: user.username, household, reason });
			return refusal(503, 'erasure.failed');
		}
		audit(caller, {
			unit: ward.code,
			action: 'erasure.carried_out',
			target: household,
			detail: erasure.method,
			count: erasure.records.length,
			records: erasure.records
		});
		// The printed sheet stops opening anything, and the household's phones are signed out:
		// there is nothing left for them to reach.
		const revoked = await qrStore().revoke(household, user.username);
		if (revoked) {
			await disablePhones(couch(), revoked.phones);
			await qrStore().clearPhones(household);
		}
		wardProgressCache().forget(ward.code);
		wakeWaiters(ward.database);
		logEvent('info', 'erasure.carried_out', {
			user: user.username,
			household,
			records: erasure.records.length,
			method: erasure.method
		});
		return json({
			household,
			records: erasure.records.length,
			method: erasure.method,
			erased_at: erasure.erased_at
		});
	});
