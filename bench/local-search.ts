// The collaborator's search and due list on the device, with a ward of 25,000 people in the
// app's own database (RxDB on Dexie, real Chromium IndexedDB), against a plain scan of the
// same folded names in an array, measured in the same page.
//
//   npm run bench:search
//   BENCH_PEOPLE=25000 BENCH_RUNS=7 npm run bench:search
//
// The records are the demo ward's generator's (checked as the gateway would), inserted
// straight into the device database: no server, no sync. The page (local-search-page/) is
// the app's modules built by Vite for production, without RxDB's dev-mode checks. Ward staff
// hold the whole ward, so every person is searched.

import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { DEMO_CADENCE_MONTHS } from '../couch/seed/demo';
import { demoWard } from '../couch/seed/seed-demo';
import type { CollectionName } from '../src/lib/db/collections';
import { launchBrowser } from '../tests/support/browser';
import { freePort } from '../couch/embedded';
import type { SearchBench, Timings } from './local-search-page/main';
import { median } from './stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 25_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** About four people a household in the demo ward. */
const PEOPLE_PER_HOUSEHOLD = 4.05;
const BATCH = 2_000;
/** The target: a name search over the ward answers within this. */
const TARGET_MS = 50;
/** A common family name, a common given name, two words in any order, a rare name, a house number, nothing. */
const QUERIES = ['nguyen', 'anh', 'ng t anh', 'tran van hung', 'quach', '12', 'xyzzy'];

async function buildPage(outDir: string): Promise<void> {
	await build({
		configFile: false,
		root: join(ROOT, 'bench/local-search-page'),
		mode: 'production',
		logLevel: 'warn',
		resolve: { alias: { $lib: join(ROOT, 'src/lib') } },
		define: { 'import.meta.env.DEV': 'false' },
		build: { outDir, emptyOutDir: true }
	});
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

async function serve(dir: string): Promise<{ url: string; server: Server }> {
	const port = await freePort();
	const server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://x').pathname;
		const file = join(dir, path === '/' ? 'index.html' : path);
		readFile(file).then(
			(body) => {
				response.writeHead(200, {
					'content-type': TYPES[extname(file)] ?? 'application/octet-stream'
				});
				response.end(body);
			},
			() => {
				response.writeHead(404);
				response.end();
			}
		);
	});
	await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
	return { url: `http://127.0.0.1:${port}/`, server };
}

function ms(value: number): string {
	return `${value.toFixed(1)} ms`.padStart(11);
}

function report(timings: Timings): void {
	const floor = median(timings.searches.flatMap((search) => search.baseline));
	const { households, persons, declarations } = timings.counts;
	console.log(
		`${persons} people, ${households} households, ${declarations} declarations; median of ${RUNS}; ` +
			`baseline: a scan of ${persons} folded names in an array (median over the queries ${ms(floor).trim()})\n`
	);
	console.log(`${'measure'.padEnd(40)}${'median'.padStart(11)}  × baseline   hits`);
	const line = (label: string, values: number[], base: number, hits = '') =>
		console.log(
			`${label.padEnd(40)}${ms(median(values))}  ${(median(values) / base).toFixed(1).padStart(9)}   ${hits}`
		);
	line('open the device database', timings.open, floor);
	line('read the list (households, people, decl.)', timings.read, floor);
	line('build the rows (members, due, fold)', timings.rows, floor);
	line(
		'due list: needs a visit, most urgent first',
		timings.dueList,
		floor,
		String(timings.dueListCount)
	);
	for (const search of timings.searches) {
		const base = median(search.baseline);
		line(`baseline "${search.query}"`, search.baseline, base, `${search.baselineHits} people`);
		line(`app search "${search.query}"`, search.app, base, `${search.appHits} households`);
	}
	const worst = Math.max(...timings.searches.map((search) => median(search.app)));
	console.log(
		`\nslowest app search ${ms(worst).trim()}: ${worst <= TARGET_MS ? 'within' : 'over'} the ${TARGET_MS} ms target`
	);
}

async function main(): Promise<void> {
	const households = Math.ceil(PEOPLE / PEOPLE_PER_HOUSEHOLD);
	const ward = demoWard({ households });
	const outDir = mkdtempSync(join(tmpdir(), 'hssk-search-page-'));
	await buildPage(outDir);
	const { url, server } = await serve(outDir);
	const browser = await launchBrowser({ allowCspViolations: true });
	try {
		const page = await browser.context.newPage();
		await page.goto(url);
		await page.waitForSelector('body[data-ready=true]', { state: 'attached' });
		const loads: [CollectionName, unknown[]][] = [
			['households', ward.households],
			['persons', ward.persons],
			['declarations', ward.declarations]
		];
		const insertStart = Date.now();
		for (const [collection, docs] of loads) {
			for (let from = 0; from < docs.length; from += BATCH) {
				await page.evaluate(
					([name, batch]) =>
						(window as unknown as { searchBench: SearchBench }).searchBench.insert(name, batch),
					[collection, docs.slice(from, from + BATCH)] as const
				);
			}
		}
		console.log(`inserted in ${((Date.now() - insertStart) / 1000).toFixed(1)} s`);
		const timings = await page.evaluate(
			([queries, runs, cadence]) =>
				(window as unknown as { searchBench: SearchBench }).searchBench.measure(
					queries,
					runs,
					cadence
				),
			[QUERIES, RUNS, DEMO_CADENCE_MONTHS] as const
		);
		report(timings);
	} finally {
		await browser.close();
		await new Promise((done) => server.close(done));
		rmSync(outDir, { recursive: true, force: true });
	}
}

await main();
