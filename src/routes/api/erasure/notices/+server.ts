// The erasures a device must apply to what it holds: ids and times only. Collaborators get
// their groups', ward staff their ward's; no one else keeps a ward's records on a device.

import { json, type RequestHandler } from '@sveltejs/kit';
import { couch } from '$lib/server/config';
import { withSignedIn } from '$lib/server/endpoint';
import { erasureNotices } from '$lib/server/erasure';
import { Refusal } from '$lib/server/http';

export const GET: RequestHandler = (event) =>
	withSignedIn(event, 'erasure.notices_failed', async (user) => {
		if (!user.ward) throw new Refusal(403, 'gateway.scope');
		if (user.role === 'ward_staff') {
			return json({ notices: await erasureNotices(couch(), user.ward.code, 'ward') });
		}
		if (user.role === 'collaborator') {
			const groups = new Set(user.org_units);
			return json({ notices: await erasureNotices(couch(), user.ward.code, groups) });
		}
		throw new Refusal(403, 'gateway.scope');
	});
