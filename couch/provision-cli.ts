// Provisions a CouchDB without seeding it: the deployment step for production. Ward codes
// come from the command line, or else from the ward org units already in hssk_org.
//   COUCHDB_URL=… COUCHDB_USER=… COUCHDB_PASSWORD=… npx tsx couch/provision-cli.ts [ward code…]

import { CouchClient, couchConfigFromEnv } from '../src/lib/server/couch/client';
import { ORG_DATABASE, provision } from './provision';

type OrgRow = { doc?: { type?: string; level?: string; code?: string } };

async function wardsInOrgTree(client: CouchClient): Promise<string[]> {
	if (!(await client.databaseExists(ORG_DATABASE))) return [];
	const { rows } = await client.json<{ rows: OrgRow[] }>(`${ORG_DATABASE}/_all_docs`, {
		query: { include_docs: true, startkey: '"org:"', endkey: '"org:\ufff0"' }
	});
	return rows
		.map((row) => row.doc)
		.filter((doc) => doc?.type === 'org_unit' && doc.level === 'ward' && doc.code)
		.map((doc) => String(doc?.code));
}

async function main(): Promise<void> {
	const client = new CouchClient(couchConfigFromEnv());
	const named = process.argv.slice(2);
	const wards = named.length > 0 ? named : await wardsInOrgTree(client);
	await provision(client, wards);
	console.log(
		`Provisioned ${client.url}: hssk_org, hssk_users and ${wards.length} ward databases` +
			(wards.length ? ` (${wards.map((code) => `ward_${code}`).join(', ')})` : '')
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
