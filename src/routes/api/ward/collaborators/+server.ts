// A ward's collaborators, for its staff: list, create (a temporary password shown once),
// change their groups, reset the password, disable or enable the account.

import { json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { isPlainText, problemsOf, UsernameSchema } from '$lib/domain';
import { authenticator } from '$lib/server/auth/caller';
import { audit } from '$lib/server/audit';
import { couch } from '$lib/server/config';
import { withSignedIn } from '$lib/server/endpoint';
import { Refusal, refusal } from '$lib/server/http';
import { logEvent } from '$lib/server/log';
import { collaboratorsOf, forgetAccounts } from '$lib/server/progress/collaborators';
import { groupsOfWard, staffWard } from '$lib/server/ward/access';
import {
	changeCollaborator,
	collaboratorOfWard,
	createCollaborator,
	UsernameTaken
} from '$lib/server/ward/collaborators';
import type { Account } from '$lib/server/auth/accounts';

const CreateSchema = z.object({
	username: z.string().trim().toLowerCase().pipe(UsernameSchema),
	display_name: z
		.string({ error: 'required' })
		.trim()
		.min(2, { error: 'name.too_short' })
		.max(80, { error: 'text.too_long' })
		.refine(isPlainText, { error: 'text.markup' }),
	groups: z.array(z.string()).max(20)
});

const ChangeSchema = z.discriminatedUnion('action', [
	z.object({
		username: z.string(),
		action: z.literal('groups'),
		groups: z.array(z.string()).max(20)
	}),
	z.object({ username: z.string(), action: z.literal('reset_password') }),
	z.object({ username: z.string(), action: z.literal('disable') }),
	z.object({ username: z.string(), action: z.literal('enable') })
]);

function publicOf(account: Account) {
	return {
		username: account.username,
		display_name: account.display_name,
		groups: account.org_units,
		disabled: account.disabled ?? false
	};
}

async function bodyOf(request: Request): Promise<unknown> {
	try {
		return await request.json();
	} catch {
		throw new Refusal(400, 'gateway.bad_request');
	}
}

export const GET: RequestHandler = (event) =>
	withSignedIn(event, 'ward.failed', async (user, caller) => {
		const ward = await staffWard(user);
		const groups = new Set(ward.groups.map((group) => group.code));
		const listed = await collaboratorsOf(couch(), groups, Date.now(), { withDisabled: true });
		audit(caller, { unit: ward.ward.code, action: 'list.collaborators', count: listed.length });
		return json({ collaborators: listed });
	});

export const POST: RequestHandler = (event) =>
	withSignedIn(event, 'ward.failed', async (user, caller) => {
		const ward = await staffWard(user);
		const input = CreateSchema.safeParse(await bodyOf(event.request));
		if (!input.success)
			return refusal(400, problemsOf(input.error)[0]?.key ?? 'gateway.bad_request');
		const groups = groupsOfWard(ward, input.data.groups);
		try {
			const { account, password } = await createCollaborator(couch(), { ...input.data, groups });
			forgetAccounts();
			audit(caller, {
				unit: ward.ward.code,
				action: 'account.created',
				target: account.username,
				detail: groups.join(',')
			});
			logEvent('info', 'ward.collaborator_created', {
				user: user.username,
				account: account.username
			});
			return json({ collaborator: publicOf(account), password }, { status: 201 });
		} catch (error) {
			if (error instanceof UsernameTaken) return refusal(409, 'ward.username_taken');
			throw error;
		}
	});

export const PATCH: RequestHandler = (event) =>
	withSignedIn(event, 'ward.failed', async (user, caller) => {
		const ward = await staffWard(user);
		const input = ChangeSchema.safeParse(await bodyOf(event.request));
		if (!input.success) return refusal(400, 'gateway.bad_request');
		const { username, ...change } = input.data;
		if (!(await collaboratorOfWard(couch(), username, user)))
			return refusal(404, 'gateway.not_found');
		const applied =
			change.action === 'groups'
				? { action: 'groups' as const, groups: groupsOfWard(ward, change.groups) }
				: change;
		const { account, password } = await changeCollaborator(couch(), username, applied);
		authenticator().forgetUser(username);
		forgetAccounts();
		audit(caller, {
			unit: ward.ward.code,
			action: 'account.changed',
			target: username,
			detail: applied.action === 'groups' ? `groups ${applied.groups.join(',')}` : applied.action
		});
		logEvent('info', 'ward.collaborator_changed', {
			user: user.username,
			account: username,
			action: change.action
		});
		return json({ collaborator: publicOf(account), ...(password ? { password } : {}) });
	});
