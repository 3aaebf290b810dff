// The instruction sheets of one neighbourhood group, for ward staff to print: one per
// household, with its claim link and printed check code. Households without a live token get
// one now, so printing a group never leaves a door without a working code.

import { json, type RequestHandler } from '@sveltejs/kit';
import { claimLink, GROUP_CODE, wardOfGroup, type QrSheetsAnswer } from '$lib/domain';
import { audit } from '$lib/server/audit';
import { couch } from '$lib/server/config';
import { refusal } from '$lib/server/http';
import { logEvent } from '$lib/server/log';
import { qrStore } from '$lib/server/qr';
import { managesWard } from '$lib/server/qr/access';
import { withCaller } from '$lib/server/qr/endpoint';
import { householdsOf } from '$lib/server/qr/households';

export const GET: RequestHandler = (event) =>
	withCaller(event, async (user, caller) => {
		const groupCode = event.url.searchParams.get('group') ?? '';
		if (!GROUP_CODE.test(groupCode)) return refusal(400, 'code.invalid');
		const wardCode = wardOfGroup(groupCode);
		if (!managesWard(user, wardCode) || !user.ward) return refusal(403, 'qr.forbidden');
		const group = user.groups.find((candidate) => candidate.code === groupCode);
		if (!group) return refusal(404, 'gateway.not_found');
		const households = await householdsOf(couch(), wardCode, [groupCode]);
		const tokens = await qrStore().ensureIssued(
			households.map((household) => ({ household: household.id, ward: household.ward })),
			user.username
		);
		audit(caller, {
			unit: wardCode,
			action: 'list.qr_sheets',
			target: groupCode,
			count: households.length,
			records: households.map((household) => household.id)
		});
		logEvent('info', 'qr.sheets', {
			user: user.username,
			group: groupCode,
			count: households.length
		});
		const answer = {
			ward: user.ward,
			group,
			sheets: households.flatMap((household) => {
				const qr = tokens.get(household.id);
				if (!qr) return [];
				return [
					{
						household: household.id,
						house_number: household.address.house_number,
						street: household.address.street,
						head_name: household.head_name,
						link: claimLink(event.url.origin, qr.token),
						check_code: qr.check_code
					}
				];
			})
		} satisfies QrSheetsAnswer;
		return json(answer);
	});
