// Revoking the phones that claimed a household: their resident accounts are disabled and
// their sessions ended, so a phone claiming again later starts a new session, never an old one.

import { authenticator } from '../auth/caller';
import { CouchError, type CouchClient } from '../couch/client';
import { accountDocId, USERS_DATABASE } from '../couch/databases';

type AccountDoc = { _id: string; _rev: string; disabled?: boolean; role?: string };

export async function disablePhones(client: CouchClient, usernames: readonly string[]) {
	for (const username of usernames) {
		const path = `${USERS_DATABASE}/${encodeURIComponent(accountDocId(username))}`;
		for (let attempt = 1; attempt <= 3; attempt++) {
			const doc = await client.getDoc<AccountDoc>(USERS_DATABASE, accountDocId(username));
			if (!doc || doc.role !== 'resident' || doc.disabled) break;
			try {
				await client.json(path, {
					method: 'PUT',
					body: { ...doc, disabled: true, sessions_revoked_at: new Date().toISOString() }
				});
				break;
			} catch (error) {
				if (!(error instanceof CouchError && error.status === 409) || attempt === 3) throw error;
			}
		}
		authenticator().forgetUser(username);
	}
}
