// Accounts as the server reads them from `hssk_users` (`user:<username>`). A document that
// does not have the expected shape is treated as no account at all: it fails closed.

import { z } from 'zod';
import { ROLES, UsernameSchema } from '$lib/domain';
import type { CouchClient } from '../couch/client';
import { accountDocId, USERS_DATABASE } from '../couch/databases';

const PasswordHashSchema = z.object({
	algorithm: z.literal('scrypt'),
	salt: z.string().min(1),
	hash: z.string().min(1),
	cost: z.number().int().positive(),
	block_size: z.number().int().positive(),
	parallelization: z.number().int().positive()
});

export const AccountSchema = z.object({
	username: UsernameSchema,
	display_name: z.string(),
	role: z.enum(ROLES),
	org_units: z.array(z.string()),
	/** A resident's phone has no password: its session came from claiming the household. */
	password: PasswordHashSchema.optional(),
	/** A resident's household (org_units then holds its ward). */
	household: z.string().optional(),
	disabled: z.boolean().optional(),
	/** Sessions made at or before this instant are refused: disabling the account or resetting
	 * its password ends every device's session, and enabling it again does not revive them. */
	sessions_revoked_at: z.iso.datetime({ offset: true }).optional()
});
export type Account = z.infer<typeof AccountSchema>;

export async function loadAccount(client: CouchClient, username: string): Promise<Account | null> {
	if (!UsernameSchema.safeParse(username).success) return null;
	const doc = await client.getDoc<unknown>(USERS_DATABASE, accountDocId(username));
	if (doc === null) return null;
	const parsed = AccountSchema.safeParse(doc);
	return parsed.success && parsed.data.username === username ? parsed.data : null;
}

/** Whether a session made at `createdAt` was ended by the account's last revocation. */
export function isSessionRevoked(account: Pick<Account, 'sessions_revoked_at'>, createdAt: string) {
	const revokedAt = account.sessions_revoked_at;
	return revokedAt !== undefined && Date.parse(createdAt) <= Date.parse(revokedAt);
}
