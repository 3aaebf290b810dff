// Importing a ward's registry extract, timed against its floor: writing the very documents
// the import writes with plain `_bulk_docs` (500 a request, as the import does) into an
// empty database shaped like a ward's (its `_security` and design documents: PouchDB Server
// writes about twice as slowly into a database that holds design documents, so a bare
// database is shown too, but is not the floor). A generated extract of 25,000 people in about 8,000 households, with near
// duplicates seeded in one household in a hundred, is imported into an empty ward as a dry
// run, a real run, and a second run (which must write nothing), each round on a fresh ward
// database; printed as medians with their ratio to the floor.
//
//   npm run bench:registry
//   BENCH_PERSONS=25000 BENCH_HOUSEHOLDS=8000 BENCH_RUNS=3 npm run bench:registry

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedCouch } from '../couch/embedded';
import { wardDesignDocs } from '../couch/design/documents';
import { provision } from '../couch/provision';
import { DEMO_WARD_CODE } from '../couch/seed/demo';
import { seedDemo } from '../couch/seed/seed-demo';
import { wardDatabaseName } from '../src/lib/domain/ids';
import type { RegistryImportReport } from '../src/lib/domain/registry-import-report';
import { CouchClient, couchConfigFromEnv } from '../src/lib/server/couch/client';
import {
	checkExtract,
	importRegistryExtract,
	planExtract
} from '../src/lib/server/registry/import';
import { generateExtract } from './registry-extract';
import { table, type Measure } from './stats';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 25_000);
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 8_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WARD = DEMO_WARD_CODE;
const DATABASE = wardDatabaseName(WARD);
const BASELINE_DATABASE = 'bench_registry_floor';
const BATCH = 500;
const USER = 'ward-demo';

type Doc = { _id: string } & Record<string, unknown>;

async function freshWard(client: CouchClient): Promise<void> {
	if (await client.databaseExists(DATABASE)) await client.json(DATABASE, { method: 'DELETE' });
	await provision(client, [WARD]);
}

async function updateSeq(client: CouchClient): Promise<string> {
	return String((await client.json<{ update_seq: unknown }>(DATABASE)).update_seq);
}

/** The floor: the same documents, written as plainly as CouchDB takes them, into a fresh
 * database with the ward's design documents or, with `isBare`, without any. */
async function plainBulkDocs(
	client: CouchClient,
	docs: readonly Doc[],
	isBare: boolean
): Promise<number> {
	if (await client.databaseExists(BASELINE_DATABASE)) {
		await client.json(BASELINE_DATABASE, { method: 'DELETE' });
	}
	await client.ensureDatabase(BASELINE_DATABASE);
	if (!isBare) {
		for (const design of wardDesignDocs()) {
			await client.json(`${BASELINE_DATABASE}/${design._id}`, { method: 'PUT', body: design });
		}
	}
	const started = performance.now();
	for (let start = 0; start < docs.length; start += BATCH) {
		await client.json(`${BASELINE_DATABASE}/_bulk_docs`, {
			method: 'POST',
			body: { docs: docs.slice(start, start + BATCH) }
		});
	}
	return (performance.now() - started) / 1000;
}

async function timed(
	client: CouchClient,
	bytes: Uint8Array,
	dryRun: boolean
): Promise<{ seconds: number; report: RegistryImportReport }> {
	const started = performance.now();
	const report = await importRegistryExtract(client, bytes, { ward: WARD, dryRun, user: USER });
	if (!report.ok) throw new Error(`the extract was refused: ${report.problems[0]?.reason}`);
	return { seconds: (performance.now() - started) / 1000, report };
}

function check(condition: boolean, what: string): void {
	if (!condition) throw new Error(`benchmark check failed: ${what}`);
}

async function main(): Promise<void> {
	const extract = generateExtract(HOUSEHOLDS, PERSONS);
	const bytes = new TextEncoder().encode(extract.csv);
	console.log(
		`Extract: ${extract.households} households, ${extract.persons} people, ` +
			`${extract.nearDuplicates} seeded near duplicates, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`
	);
	// COUCHDB_URL (with COUCHDB_USER, COUCHDB_PASSWORD): measure that server instead.
	const dataDir = mkdtempSync(join(tmpdir(), 'hssk-bench-registry-'));
	const couch = process.env.COUCHDB_URL
		? null
		: await startEmbeddedCouch({
				dataDir,
				inMemory: true,
				user: 'admin',
				password: 'bench-password'
			});
	const client = new CouchClient(couch ?? couchConfigFromEnv());
	try {
		// The org tree and accounts of the demo, and a ward with no records yet.
		await provision(client, [WARD]);
		await seedDemo(client, { households: 0 });
		await freshWard(client);

		const checked = await checkExtract(client, bytes, WARD, true, performance.now());
		if (!checked.ok)
			throw new Error(`the extract was refused: ${checked.report.problems[0]?.reason}`);
		const plan = await planExtract(client, checked.households, { ward: WARD, user: USER });
		const docs = [...plan.households, ...plan.persons, ...plan.aliases, ...plan.reviews] as Doc[];
		console.log(
			`The import writes ${docs.length} documents (${plan.reviews.length} review items)\n`
		);

		const measures: Measure[] = [
			{ label: 'floor: the same docs by plain _bulk_docs', docs: docs.length, seconds: [] },
			{ label: '  (into a bare database, no design docs)', docs: docs.length, seconds: [] },
			{ label: 'dry run (check, match, plan; nothing written)', docs: docs.length, seconds: [] },
			{ label: 'real run into an empty ward', docs: docs.length, seconds: [] },
			{ label: 'second run (writes nothing)', docs: docs.length, seconds: [] }
		];
		for (let run = 1; run <= RUNS; run++) {
			await freshWard(client);
			measures[0].seconds.push(await plainBulkDocs(client, docs, false));
			measures[1].seconds.push(await plainBulkDocs(client, docs, true));
			const dry = await timed(client, bytes, true);
			check(dry.report.written === 0, 'the dry run wrote nothing');
			measures[2].seconds.push(dry.seconds);
			const real = await timed(client, bytes, false);
			check(
				real.report.written === docs.length,
				`the real run wrote ${real.report.written} of ${docs.length}`
			);
			check(real.report.counts.persons_created === extract.persons, 'every person created');
			check(
				real.report.counts.reviews_created >= extract.nearDuplicates,
				`${real.report.counts.reviews_created} review items for ${extract.nearDuplicates} seeded near duplicates`
			);
			measures[3].seconds.push(real.seconds);
			const seq = await updateSeq(client);
			const second = await timed(client, bytes, false);
			check(
				second.report.written === 0 && (await updateSeq(client)) === seq,
				'the second run changed nothing'
			);
			check(second.report.counts.persons_unchanged === extract.persons, 'every person unchanged');
			measures[4].seconds.push(second.seconds);
			console.log(
				`run ${run}/${RUNS}: ` +
					measures.map((measure) => `${measure.seconds.at(-1)?.toFixed(2)} s`).join(', ') +
					` (${real.report.counts.reviews_created} on the review list)`
			);
		}
		console.log(`\nImporting ${extract.persons} people, median of ${RUNS} runs:\n`);
		console.log(table(measures[0], measures));
	} finally {
		await couch?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
