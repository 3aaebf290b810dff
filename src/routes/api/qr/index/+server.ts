// The token hashes of the households a collaborator (their groups) or ward staff (their ward)
// reaches, so their phone can open a scanned household with no network. Hashes only: the
// phone never holds a token it did not scan.

import { json, type RequestHandler } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { couch } from '$lib/server/config';
import { refusal } from '$lib/server/http';
import { qrStore } from '$lib/server/qr';
import { withCaller } from '$lib/server/qr/endpoint';
import { householdsOf } from '$lib/server/qr/households';

export const GET: RequestHandler = (event) =>
	withCaller(event, async (user, caller) => {
		const wardCode = user.ward?.code;
		if (!wardCode || (user.role !== 'collaborator' && user.role !== 'ward_staff')) {
			return refusal(403, 'qr.forbidden');
		}
		const groups = user.role === 'collaborator' ? user.groups.map((group) => group.code) : null;
		const households = await householdsOf(couch(), wardCode, groups);
		const current = await qrStore().currentOf(households.map((household) => household.id));
		const entries = [...current.values()]
			.filter((qr) => qr.state === 'active')
			.map((qr) => ({ token_hash: qr.token_hash, household: qr.household }));
		audit(caller, { unit: wardCode, action: 'list.qr_index', count: entries.length });
		return json({ entries });
	});
