// The households of one group and where each stands: the drill-down's last step, and the
// printable list of overdue households for a round of visits.

import { json, type RequestHandler } from '@sveltejs/kit';
import { GROUP_CODE } from '$lib/domain';
import { audit } from '$lib/server/audit';
import { couch } from '$lib/server/config';
import { withSignedIn } from '$lib/server/endpoint';
import { refusal } from '$lib/server/http';
import { logEvent } from '$lib/server/log';
import { watchesUnit } from '$lib/server/progress/access';
import { groupHouseholds } from '$lib/server/progress/households';
import { orgTree } from '$lib/server/progress/org-tree';

export const GET: RequestHandler = (event) =>
	withSignedIn(event, 'progress.failed', async (user, caller) => {
		const code = event.url.searchParams.get('group') ?? '';
		if (!GROUP_CODE.test(code)) return refusal(400, 'code.invalid');
		const tree = await orgTree(couch());
		const group = tree.unit(code);
		const ward = group?.parent ? tree.unit(group.parent) : null;
		if (!group || !ward) return refusal(404, 'gateway.not_found');
		if (!watchesUnit(user, group)) return refusal(403, 'progress.forbidden');
		const households = await groupHouseholds(couch(), ward.code, code, ward.cadence_months);
		logEvent('info', 'progress.households_read', { user: user.username, group: code });
		audit(caller, {
			unit: ward.code,
			action: 'list.households',
			target: code,
			count: households.length,
			records: households.map((household) => household.household)
		});
		return json({ group: { code, name: group.name }, households });
	});
