// Accounts that name a merged ward or group (a collaborator's groups, the ward of ward staff
// and of a household's phone) are rewritten to the new codes, found through
// `_design/accounts/_view/by_org_unit` rather than by reading every account of the city.
// An account changed in between (a password, a claim) is read again and retried.

import { USERS_DATABASE } from '../../couch/databases';
import type { CouchClient } from '../../couch/client';
import { ACCOUNTS_DESIGN, ACCOUNTS_VIEWS } from '../../../../../couch/design/documents';

const ATTEMPTS = 4;
const KEYS_PER_QUERY = 500;

type AccountDoc = { _id: string; _rev: string; org_units?: unknown } & Record<string, unknown>;
type ViewRows = { rows: { id: string; doc?: AccountDoc | null }[] };
type BulkResult = { id: string; ok?: boolean; error?: string; reason?: string };

export function rewrittenUnits(units: readonly string[], codes: ReadonlyMap<string, string>) {
	return [...new Set(units.map((code) => codes.get(code) ?? code))];
}

async function accountsNaming(
	client: CouchClient,
	codes: ReadonlyMap<string, string>
): Promise<AccountDoc[]> {
	const keys = [...codes.keys()];
	const found = new Map<string, AccountDoc>();
	for (let start = 0; start < keys.length; start += KEYS_PER_QUERY) {
		const { rows } = await client.json<ViewRows>(
			`${USERS_DATABASE}/_design/${ACCOUNTS_DESIGN}/_view/${ACCOUNTS_VIEWS.byOrgUnit}`,
			{
				method: 'POST',
				query: { include_docs: true },
				body: { keys: keys.slice(start, start + KEYS_PER_QUERY) }
			}
		);
		for (const row of rows) if (row.doc) found.set(row.id, row.doc);
	}
	return [...found.values()];
}

/** Rewrites the accounts; returns the usernames (ids) it changed. */
export async function rewriteAccounts(
	client: CouchClient,
	codes: ReadonlyMap<string, string>
): Promise<string[]> {
	const changed: string[] = [];
	for (let attempt = 1; ; attempt++) {
		const docs = (await accountsNaming(client, codes)).filter((doc) =>
			Array.isArray(doc.org_units)
		);
		if (docs.length === 0) return changed;
		const rewritten = docs.map((doc) => ({
			...doc,
			org_units: rewrittenUnits(doc.org_units as string[], codes)
		}));
		const results = await client.json<BulkResult[]>(`${USERS_DATABASE}/_bulk_docs`, {
			method: 'POST',
			body: { docs: rewritten }
		});
		for (const result of results) {
			if (result.ok) changed.push(result.id);
			else if (result.error !== 'conflict') {
				throw new Error(`Rewriting ${result.id}: ${result.error} ${result.reason ?? ''}`);
			}
		}
		if (results.every((result) => result.ok)) return changed;
		if (attempt >= ATTEMPTS) throw new Error('Accounts kept changing while being rewritten');
	}
}
