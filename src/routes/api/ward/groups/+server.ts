// A ward's neighbourhood groups, for its staff: list, add one, rename one.

import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { GROUP_CODE, isPlainText, problemsOf } from '$lib/domain';
import { authenticator } from '$lib/server/auth/caller';
import { audit } from '$lib/server/audit';
import { couch } from '$lib/server/config';
import { withSignedIn } from '$lib/server/endpoint';
import { Refusal, refusal } from '$lib/server/http';
import { logEvent } from '$lib/server/log';
import { forgetOrgTree } from '$lib/server/progress/org-tree';
import { staffWard } from '$lib/server/ward/access';
import { createGroup, renameGroup } from '$lib/server/ward/groups';

const NameSchema = z
	.string({ error: 'required' })
	.trim()
	.min(1, { error: 'required' })
	.max(120, { error: 'text.too_long' })
	.refine(isPlainText, { error: 'text.markup' });
const GroupChangeSchema = z.object({
	code: z.string().regex(GROUP_CODE, { error: 'code.invalid' }).optional(),
	name: NameSchema
});

export const GET: RequestHandler = (event) =>
	withSignedIn(event, 'ward.failed', async (user) => {
		const { groups } = await staffWard(user);
		return json({ groups: groups.map((group) => ({ code: group.code, name: group.name })) });
	});

export const POST: RequestHandler = (event) =>
	withSignedIn(event, 'ward.failed', async (user, caller) => {
		const ward = await staffWard(user);
		const body: unknown = await event.request.json().catch(() => {
			throw new Refusal(400, 'gateway.bad_request');
		});
		const input = GroupChangeSchema.safeParse(body);
		if (!input.success)
			return refusal(400, problemsOf(input.error)[0]?.key ?? 'gateway.bad_request');
		const { code, name } = input.data;
		if (code && !ward.groups.some((group) => group.code === code)) {
			return refusal(403, 'ward.groups_invalid');
		}
		const group = code
			? await renameGroup(couch(), code, name)
			: await createGroup(couch(), authenticator().directory, ward.ward, name);
		authenticator().directory.forgetGroups(ward.ward.code);
		forgetOrgTree();
		audit(caller, {
			unit: ward.ward.code,
			action: code ? 'group.renamed' : 'group.created',
			target: group.code
		});
		logEvent('info', code ? 'ward.group_renamed' : 'ward.group_created', {
			user: user.username,
			group: group.code
		});
		return json({ group: { code: group.code, name: group.name } });
	});
