// A ward's review list, for its staff: `GET` the open items with both people, `POST
// { id, action: "merge", keep }` or `{ id, action: "keep_apart" }` to decide one.

import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { authenticate } from '$lib/server/auth/caller';
import { couch } from '$lib/server/config';
import { withSignedIn } from '$lib/server/endpoint';
import { Refusal, refusal } from '$lib/server/http';
import { logEvent } from '$lib/server/log';
import { wardProgressCache } from '$lib/server/progress';
import { decideReview } from '$lib/server/registry/review-decision';
import { reviewList } from '$lib/server/registry/review-list';
import type { SessionUser } from '$lib/domain';

const DecisionSchema = z.discriminatedUnion('action', [
	z.object({
		id: z.string().startsWith('review_item:'),
		action: z.literal('merge'),
		keep: z.string()
	}),
	z.object({ id: z.string().startsWith('review_item:'), action: z.literal('keep_apart') })
]);

/** Ward staff's own ward; no one else decides who is the same person. */
function wardOf(user: SessionUser): string {
	if (user.role !== 'ward_staff' || !user.ward) throw new Refusal(403, 'registry.staff_only');
	return user.ward.code;
}

export const GET: RequestHandler = (event) =>
	withSignedIn(event, 'registry.review_failed', async (user) => {
		return json({ items: await reviewList(couch(), wardOf(user)) });
	});

export const POST: RequestHandler = (event) =>
	withSignedIn(event, 'registry.review_failed', async (user) => {
		const ward = wardOf(user);
		const input = DecisionSchema.safeParse(await event.request.json().catch(() => null));
		if (!input.success) return refusal(400, 'gateway.bad_request');
		const { id, ...decision } = input.data;
		const auth = await authenticate(event);
		const device = auth.ok ? auth.caller.deviceId : undefined;
		const outcome = await decideReview(couch(), ward, id, decision, {
			user: user.username,
			at: new Date().toISOString(),
			...(device ? { device_id: device } : {})
		});
		if (outcome.state === 'merged') wardProgressCache().forget(ward);
		logEvent('info', 'registry.review_decided', {
			user: user.username,
			ward,
			item: id,
			...outcome
		});
		return json({ outcome });
	});
