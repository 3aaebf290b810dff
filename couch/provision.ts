// Brings a CouchDB (embedded or Apache) to the shape the app expects: the org, accounts, QR
// and audit databases, one database per ward, all closed to everyone but the server admin, and the
// design documents. Safe to run on every start: it changes only what differs.

import type { CouchClient } from '../src/lib/server/couch/client';
import {
	AUDIT_DATABASE,
	ORG_DATABASE,
	QR_DATABASE,
	USERS_DATABASE
} from '../src/lib/server/couch/databases';
import { WARD_CODE, wardDatabaseName } from '../src/lib/domain/ids';
import {
	auditDesignDocs,
	orgDesignDocs,
	PROGRESS_DESIGN,
	usersDesignDocs,
	wardDesignDocs
} from './design/documents';
import type { DesignDoc } from './design/compile';

export { AUDIT_DATABASE, ORG_DATABASE, QR_DATABASE, USERS_DATABASE };

function sameFunctions(installed: DesignDoc, wanted: DesignDoc): boolean {
	return (
		installed.language === wanted.language &&
		JSON.stringify(installed.views) === JSON.stringify(wanted.views) &&
		JSON.stringify(installed.filters) === JSON.stringify(wanted.filters) &&
		installed.validate_doc_update === wanted.validate_doc_update
	);
}

/** Writes the design document only when its functions differ: a rewrite rebuilds the index. */
export async function installDesignDoc(
	client: CouchClient,
	database: string,
	wanted: DesignDoc
): Promise<'created' | 'updated' | 'unchanged'> {
	const installed = await client.getDoc<DesignDoc>(database, wanted._id);
	if (installed && sameFunctions(installed, wanted)) return 'unchanged';
	await client.json(`${database}/${wanted._id}`, {
		method: 'PUT',
		body: installed ? { ...wanted, _rev: installed._rev } : wanted
	});
	return installed ? 'updated' : 'created';
}

export async function provision(client: CouchClient, wardCodes: string[]): Promise<void> {
	await client.ensureDatabase(ORG_DATABASE);
	await client.ensureDatabase(USERS_DATABASE);
	await client.ensureDatabase(QR_DATABASE);
	await client.ensureDatabase(AUDIT_DATABASE);
	for (const design of orgDesignDocs()) await installDesignDoc(client, ORG_DATABASE, design);
	for (const design of auditDesignDocs()) await installDesignDoc(client, AUDIT_DATABASE, design);
	for (const design of usersDesignDocs()) await installDesignDoc(client, USERS_DATABASE, design);
	const wardDesigns = wardDesignDocs();
	for (const code of wardCodes) {
		if (!WARD_CODE.test(code)) throw new Error(`Not a ward code (5 digits): ${code}`);
		const database = wardDatabaseName(code);
		await client.ensureDatabase(database);
		for (const design of wardDesigns) await installDesignDoc(client, database, design);
	}
}

/**
 * Reads every progress view once so its index is built now rather than on a supervisor's
 * first request (PouchDB Server builds each view of a design document separately).
 */
export async function buildProgressViews(client: CouchClient, wardCodes: string[]): Promise<void> {
	const progress = wardDesignDocs().find((design) => design._id === `_design/${PROGRESS_DESIGN}`);
	if (!progress) throw new Error(`_design/${PROGRESS_DESIGN} is not among the ward's designs`);
	for (const code of wardCodes) {
		for (const view of Object.keys(progress.views)) {
			await client.json(`${wardDatabaseName(code)}/_design/${PROGRESS_DESIGN}/_view/${view}`, {
				query: { limit: 0 }
			});
		}
	}
}
