// `npm run seed`: provisions and seeds the demo city into the CouchDB at COUCHDB_URL
// (default the embedded one on 127.0.0.1:5984, with the credentials `npm start` keeps).

import { CouchClient } from '../../src/lib/server/couch/client';
import { scriptCouchConfig } from '../cli-couch';
import { buildProgressViews, provision } from '../provision';
import { DEMO_WARD_CODE } from './demo';
import { seedDemo } from './seed-demo';

async function main(): Promise<void> {
	const config = scriptCouchConfig();
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
