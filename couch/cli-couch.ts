// Where the command-line scripts find CouchDB: COUCHDB_URL/COUCHDB_USER/COUCHDB_PASSWORD
// when set, otherwise the embedded server `npm start` runs, with the admin credentials it
// keeps in .data/couch-admin.json.

import { couchConfigFromEnv, type CouchConfig } from '../src/lib/server/couch/client';
import { storedCredentials } from './admin-credentials';

export function scriptCouchConfig(
	env: Record<string, string | undefined> = process.env
): CouchConfig {
	if (env.COUCHDB_URL || (env.COUCHDB_USER && env.COUCHDB_PASSWORD)) return couchConfigFromEnv(env);
	const stored = storedCredentials();
	if (!stored) {
		throw new Error(
			'Set COUCHDB_URL, COUCHDB_USER and COUCHDB_PASSWORD, or run `npm start` once to create the embedded CouchDB'
		);
	}
	return { url: `http://127.0.0.1:${env.COUCHDB_PORT ?? '5984'}`, ...stored };
}

/** Runs a script's main and turns a failure into one line and exit code 1. */
export function runScript(main: () => Promise<void>): void {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
