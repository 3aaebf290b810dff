// A ward's collaborators as its staff manage them: create an account for a group leader with
// a temporary password, change their groups, reset the password, disable the account. A reset
// or a disable ends every session the account has (a lost phone stays signed out even once the
// account is enabled again); the app servers refuse those sessions on their next request.

import type { SessionUser } from '$lib/domain';
import { AccountSchema, loadAccount, type Account } from '../auth/accounts';
import { hashPassword } from '../auth/password';
import { CouchError, type CouchClient } from '../couch/client';
import { accountDocId, USERS_DATABASE } from '../couch/databases';
import { temporaryPassword } from './temporary-password';

export type CollaboratorDraft = { username: string; display_name: string; groups: string[] };

export class UsernameTaken extends Error {}

function pathOf(username: string): string {
	return `${USERS_DATABASE}/${encodeURIComponent(accountDocId(username))}`;
}

export async function createCollaborator(
	client: CouchClient,
	draft: CollaboratorDraft
): Promise<{ account: Account; password: string }> {
	const password = temporaryPassword();
	const account = AccountSchema.parse({
		username: draft.username,
		display_name: draft.display_name,
		role: 'collaborator',
		org_units: draft.groups,
		password: await hashPassword(password),
		disabled: false
	});
	try {
		await client.json(pathOf(draft.username), {
			method: 'PUT',
			body: { _id: accountDocId(draft.username), type: 'user', ...account }
		});
	} catch (error) {
		if (error instanceof CouchError && error.status === 409) throw new UsernameTaken();
		throw error;
	}
	return { account, password };
}

export type CollaboratorChange =
	| { action: 'groups'; groups: string[] }
	| { action: 'reset_password' }
	| { action: 'disable' }
	| { action: 'enable' };

/** Applies one change; the new temporary password when it was a reset. */
export async function changeCollaborator(
	client: CouchClient,
	username: string,
	change: CollaboratorChange
): Promise<{ account: Account; password?: string }> {
	const doc = await client.json<Record<string, unknown> & { _rev: string }>(pathOf(username));
	let password: string | undefined;
	const next: Record<string, unknown> = { ...doc };
	switch (change.action) {
		case 'groups':
			next.org_units = change.groups;
			break;
		case 'reset_password':
			password = temporaryPassword();
			next.password = await hashPassword(password);
			next.sessions_revoked_at = new Date().toISOString();
			break;
		case 'disable':
			next.disabled = true;
			next.sessions_revoked_at = new Date().toISOString();
			break;
		case 'enable':
			next.disabled = false;
			break;
	}
	await client.json(pathOf(username), { method: 'PUT', body: next });
	return { account: AccountSchema.parse(next), ...(password ? { password } : {}) };
}

/** The collaborator account, if it is one whose groups all lie in the staff member's ward. */
export async function collaboratorOfWard(
	client: CouchClient,
	username: string,
	staff: SessionUser
): Promise<Account | null> {
	const account = await loadAccount(client, username);
	const ward = staff.ward?.code;
	if (!account || account.role !== 'collaborator' || !ward) return null;
	return account.org_units.every((group) => group.startsWith(`${ward}-`)) ? account : null;
}
