// A unit's audit trail, newest first, a page at a time: ward staff read their own ward's,
// an administrator any unit's (`org` for tree-wide events). Reading it is itself recorded.

import { json, type RequestHandler } from '@sveltejs/kit';
import { AUDIT_ID, AUDIT_TREE_UNIT } from '$lib/domain';
import { audit } from '$lib/server/audit';
import { readAuditPage } from '$lib/server/audit/read';
import { couch } from '$lib/server/config';
import { withSignedIn } from '$lib/server/endpoint';
import { refusal } from '$lib/server/http';

const UNIT = /^(\d{2,5}|org)$/;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

export const GET: RequestHandler = (event) =>
	withSignedIn(event, 'audit.failed', async (user, caller) => {
		const params = event.url.searchParams;
		const asked = params.get('unit');
		const before = params.get('before') ?? undefined;
		const limit = Number(params.get('limit') ?? DEFAULT_LIMIT);
		if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
			return refusal(400, 'gateway.bad_request');
		}
		if (before !== undefined && !AUDIT_ID.test(before)) return refusal(400, 'gateway.bad_request');
		if (asked !== null && !UNIT.test(asked)) return refusal(400, 'code.invalid');
		let unit: string;
		if (user.role === 'ward_staff' && user.ward) {
			unit = asked ?? user.ward.code;
			if (unit !== user.ward.code) return refusal(403, 'audit.forbidden');
		} else if (user.role === 'admin') {
			unit = asked ?? AUDIT_TREE_UNIT;
		} else {
			return refusal(403, 'audit.forbidden');
		}
		const page = await readAuditPage(couch(), unit, { before, limit });
		audit(caller, {
			unit,
			action: 'list.audit',
			count: page.entries.length
		});
		return json(page);
	});
