// `npm run seed`: provisions and seeds the demo city into the CouchDB at COUCHDB_URL
// (default the embedded one on 127.0.0.1:5984, with the credentials `npm start` keeps).

import {
	CouchClient,
	couchConfigFromEnv,
	type CouchConfig
} from '../../src/lib/server/couch/client';
import { storedCredentials } from '../admin-credentials';
import { buildProgressViews, provision } from '../provision';
import { DEMO_WARD_CODE } from './demo';
import { seedDemo } from './seed-demo';

function couchConfig(): CouchConfig {
	const env = process.env;
	if (env.COUCHDB_URL || (env.COUCHDB_USER && env.COUCHDB_PASSWORD)) return couchConfigFromEnv();
	const stored = storedCredentials();
	if (!stored) {
		throw new Error(
			'Set COUCHDB_URL, COUCHDB_USER and COUCHDB_PASSWORD, or run `npm start` once to create the embedded CouchDB'
		);
	}
	return { url: `http://127.0.0.1:${env.COUCHDB_PORT ?? '5984'}`, ...stored };
}

async function main(): Promise<void> {
	const config = couchConfig();
	const url = config.url;
	const client = new CouchClient(config);
	await provision(client, [DEMO_WARD_CODE]);
	const summary = await seedDemo(client);
	console.log(`Seeded ${url} in ${summary.elapsed_ms} ms`);
	console.log(`  demo size: ${JSON.stringify(summary.total)}`);
	console.log(`  written:   ${JSON.stringify(summary.written)}`);
	const started = performance.now();
	await buildProgressViews(client, [DEMO_WARD_CODE]);
	console.log(`  progress views built in ${Math.round(performance.now() - started)} ms`);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
