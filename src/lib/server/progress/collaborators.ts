// The collaborators of a set of groups, read from the accounts database (kept a minute): the
// dashboard lists each with their devices, and flags one who has never synced at all.

import { AccountSchema, type Account } from '../auth/accounts';
import type { CouchClient } from '../couch/client';
import { USERS_DATABASE } from '../couch/databases';

const ACCOUNTS_CACHE_MS = 60_000;

export type Collaborator = {
	username: string;
	display_name: string;
	groups: string[];
	disabled: boolean;
};

type AllDocsRow = { doc?: unknown };

let cached: { at: number; accounts: Promise<Account[]> } | null = null;

/** Forgets the accounts read, after one was created or changed (here, or in another process:
 * the account watcher calls it). */
export function forgetAccounts(): void {
	cached = null;
}

async function readAccounts(client: CouchClient): Promise<Account[]> {
	const { rows } = await client.json<{ rows: AllDocsRow[] }>(`${USERS_DATABASE}/_all_docs`, {
		query: {
			include_docs: true,
			startkey: JSON.stringify('user:'),
			endkey: JSON.stringify('user:\ufff0')
		}
	});
	return rows.flatMap((row) => {
		const parsed = AccountSchema.safeParse(row.doc);
		return parsed.success ? [parsed.data] : [];
	});
}

export async function collaboratorsOf(
	client: CouchClient,
	groups: ReadonlySet<string>,
	now: number = Date.now(),
	options: { withDisabled?: boolean } = {}
): Promise<Collaborator[]> {
	if (!cached || now - cached.at > ACCOUNTS_CACHE_MS) {
		const accounts = readAccounts(client);
		cached = { at: now, accounts };
		accounts.catch(() => {
			if (cached?.accounts === accounts) cached = null;
		});
	}
	return (await cached.accounts)
		.filter(
			(account) => account.role === 'collaborator' && (options.withDisabled || !account.disabled)
		)
		.map((account) => ({
			username: account.username,
			display_name: account.display_name,
			groups: account.org_units.filter((code) => groups.has(code)),
			disabled: account.disabled ?? false
		}))
		.filter((collaborator) => collaborator.groups.length > 0)
		.sort((a, b) => a.display_name.localeCompare(b.display_name, 'vi'));
}
