// The city-level progress query at city scale: 50 wards of about 20,000 generated people
// each (about 1 million), half under districts (2021) and half straight under the city (2025).
// For 1, 5, 10, 25 and 50 wards in the org tree, times `GET /api/progress?unit=79` against a
// single ward's `GET /api/progress?unit=26956` in the same run, through the built app server:
// cold (a fresh app server, nothing cached), warm, after the background pre-warm, and after a
// new declaration. See bench/README.md.
//
//   npm run build && npm run bench:progress
//   BENCH_WARDS=10 BENCH_STEPS=1,5,10 npm run bench:progress      (smaller, quicker)

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_CITY_CODE, DEMO_WARD_CODE } from '../couch/seed/demo';
import { wardDatabaseName } from '../src/lib/domain/ids';
import { MIN_RECOMPUTE_MS } from '../src/lib/server/progress/ward-cache';
import { startStack, type Stack } from '../tests/support/stack';
import {
	declaredThisWeek,
	logLines,
	newDeclaration,
	pushThroughGateway,
	signIn,
	timedProgress,
	untilWarmed,
	warmUp
} from './city-measure';
import { profileWard } from './city-profile';
import {
	attachWards,
	baseWard,
	buildWardViews,
	cityWards,
	countsOf,
	detachWards,
	seedWard,
	type CityWard,
	type WardCounts
} from './city-seed';
import { formatSeconds, median, table, type Measure } from './stats';

const env = process.env;
const WARDS = Number(env.BENCH_WARDS ?? 50);
const HOUSEHOLDS = Number(env.BENCH_HOUSEHOLDS ?? 5000);
const STEPS = (env.BENCH_STEPS ?? '1,5,10,25,50')
	.split(',')
	.map(Number)
	.filter((count) => count >= 1 && count <= WARDS);
const RUNS = Number(env.BENCH_RUNS ?? 5);
const DATA_DIR = resolve(env.BENCH_DATA_DIR ?? '.data/bench-city');
const SEED_FILE = join(DATA_DIR, 'bench-seed.json');
const NO_WARMING = { PROGRESS_WARM: '0' };
const WARMING = { PROGRESS_WARM: '1' };

type SeedRecord = {
	wards: number;
	households: number;
	seeded_at: string;
	generate_s: number;
	write_s: number;
	views_s: number;
	docs: number;
	ward: WardCounts;
};

const seconds = (since: number) => (performance.now() - since) / 1000;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function seedCity(stack: Stack, wards: CityWard[]): Promise<SeedRecord> {
	const previous = existsSync(SEED_FILE)
		? (JSON.parse(readFileSync(SEED_FILE, 'utf8')) as SeedRecord)
		: null;
	const isReused = previous?.wards === WARDS && previous.households === HOUSEHOLDS;
	const started = performance.now();
	const base = baseWard(HOUSEHOLDS);
	const generate_s = seconds(started);
	console.log(
		`Generated one ward in ${generate_s.toFixed(1)} s: ${JSON.stringify(countsOf(base))}`
	);
	let write_s = 0;
	let views_s = 0;
	let docs = 0;
	for (const [index, ward] of wards.entries()) {
		const written = await seedWard(stack.couch, base, ward.code);
		const built = await buildWardViews(stack.couch, ward.code);
		write_s += written.seconds;
		views_s += built;
		docs += written.docs;
		console.log(
			`  ${index + 1}/${wards.length} ${wardDatabaseName(ward.code)}: ${written.docs} docs, ` +
				`written in ${written.seconds.toFixed(1)} s, views ${built.toFixed(1)} s`
		);
	}
	const record: SeedRecord = {
		wards: WARDS,
		households: HOUSEHOLDS,
		seeded_at: new Date().toISOString(),
		generate_s,
		write_s,
		views_s,
		docs,
		ward: countsOf(base)
	};
	if (write_s > 0) {
		writeFileSync(SEED_FILE, JSON.stringify(record, null, 2));
		return record;
	}
	// Nothing written: the city was there from an earlier run.
	if (isReused && previous) {
		console.log(
			`Reused the city seeded ${previous.seeded_at} in ${DATA_DIR} (then ${previous.write_s.toFixed(0)} s ` +
				`writing, ${previous.views_s.toFixed(0)} s building views); ${views_s.toFixed(1)} s checking the views now`
		);
		return previous;
	}
	console.log(`Found the city already seeded in ${DATA_DIR}, with no record of how long it took`);
	return { ...record, write_s: Number.NaN, views_s: Number.NaN };
}

type Row = {
	wards: number;
	people: number;
	cityCold: number;
	cityWarm: number[];
	cityChecked: number[];
	afterPrewarm: number;
	prewarm_s: number;
	readMs: number;
	readRows: number;
};

async function restarted(stack: Stack, extra: Record<string, string>): Promise<string> {
	await stack.restartApp(extra);
	const cookie = await signIn(stack.appUrl, 'city-demo');
	await warmUp(stack.appUrl, cookie);
	return cookie;
}

function expectPeople(answer: { counts: { persons: number } }, people: number, what: string): void {
	if (answer.counts.persons !== people) {
		throw new Error(`${what} counted ${answer.counts.persons} people, the seed wrote ${people}`);
	}
}

async function measureStep(stack: Stack, count: number, perWard: number): Promise<Row> {
	const people = count * perWard;
	// Cold: a fresh app server, no pre-warm, nothing cached (org tree nor wards).
	let cookie = await restarted(stack, NO_WARMING);
	const offset = stack.appLog().length;
	const cold = await timedProgress(stack.appUrl, cookie, DEMO_CITY_CODE);
	expectPeople(cold.answer, people, `the city of ${count} wards`);
	const reads = logLines(stack.appLog().slice(offset), 'progress.ward_read');
	const cityWarm: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		cityWarm.push((await timedProgress(stack.appUrl, cookie, DEMO_CITY_CODE)).seconds);
	}
	// Warm, but each ward's update_seq due for a check (no pre-warm keeping them fresh here).
	const cityChecked: number[] = [];
	for (let run = 0; run < Math.min(RUNS, 3); run++) {
		await sleep(MIN_RECOMPUTE_MS + 200);
		cityChecked.push((await timedProgress(stack.appUrl, cookie, DEMO_CITY_CODE)).seconds);
	}
	// The server as it runs by default: every ward read in the background at start.
	const logFrom = stack.appLog().length;
	cookie = await restarted(stack, WARMING);
	const warmed = await untilWarmed(stack, logFrom);
	const prewarm_s = Number(warmed.duration_ms) / 1000;
	const after = await timedProgress(stack.appUrl, cookie, DEMO_CITY_CODE);
	expectPeople(after.answer, people, `the pre-warmed city of ${count} wards`);
	console.log(
		`  ${count} wards: cold ${formatSeconds(cold.seconds)} s, warm ${formatSeconds(median(cityWarm))} s, ` +
			`checked ${formatSeconds(median(cityChecked))} s, pre-warm ${prewarm_s.toFixed(1)} s ` +
			`(${String(warmed.wards)} wards), then ${formatSeconds(after.seconds)} s`
	);
	return {
		wards: count,
		people,
		cityCold: cold.seconds,
		cityWarm,
		cityChecked,
		afterPrewarm: after.seconds,
		prewarm_s,
		readMs: reads.reduce((sum, line) => sum + Number(line.duration_ms), 0),
		readRows: reads.reduce((sum, line) => sum + Number(line.rows), 0)
	};
}

async function measureWard(stack: Stack, perWard: number) {
	const cookie = await restarted(stack, NO_WARMING);
	const cold = await timedProgress(stack.appUrl, cookie, DEMO_WARD_CODE);
	expectPeople(cold.answer, perWard, 'the ward');
	const warm: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		warm.push((await timedProgress(stack.appUrl, cookie, DEMO_WARD_CODE)).seconds);
	}
	return { cold: cold.seconds, warm };
}

/** One new declaration in the demo ward, through the gateway, then the city at once. */
async function measureUpdate(stack: Stack, base: ReturnType<typeof baseWard>) {
	const cookie = await signIn(stack.appUrl, 'city-demo');
	const collaborator = await signIn(stack.appUrl, 'ctv-demo');
	const viaGateway: number[] = [];
	const countedAfter: number[] = [];
	const views = new Set<string>();
	for (let run = 0; run < RUNS; run++) {
		const before = await timedProgress(stack.appUrl, cookie, DEMO_CITY_CODE);
		const offset = stack.appLog().length;
		await pushThroughGateway(
			stack.appUrl,
			collaborator,
			DEMO_WARD_CODE,
			newDeclaration(base, DEMO_WARD_CODE)
		);
		// The city answers from each ward's last reading while the written ward is checked in
		// the background (ward-cache.ts), so the first answer may not count it yet.
		const pushed = performance.now();
		const after = await timedProgress(stack.appUrl, cookie, DEMO_CITY_CODE);
		viaGateway.push(after.seconds);
		let counted = after;
		while (declaredThisWeek(counted.answer.counts) !== declaredThisWeek(before.answer.counts) + 1) {
			if (seconds(pushed) > 60) throw new Error('the city did not count the new declaration');
			await sleep(100);
			counted = await timedProgress(stack.appUrl, cookie, DEMO_CITY_CODE);
		}
		countedAfter.push(seconds(pushed));
		for (const line of logLines(stack.appLog().slice(offset), 'progress.ward_read')) {
			views.add(`${String(line.ward)}: ${(line.views as string[]).join(', ')}`);
		}
	}
	// Written by another app server: this one learns of it from the update_seq.
	const cookieFresh = await signIn(stack.appUrl, 'city-demo');
	const before = await timedProgress(stack.appUrl, cookieFresh, DEMO_CITY_CODE);
	const doc = newDeclaration(base, DEMO_WARD_CODE);
	await stack.couch.json(`${wardDatabaseName(DEMO_WARD_CODE)}/_bulk_docs`, {
		method: 'POST',
		body: { docs: [{ ...doc, stamp: { by: 'ctv-demo', at: doc.declared_at, device_id: 'bench' } }] }
	});
	const written = performance.now();
	const polls: number[] = [];
	for (;;) {
		const poll = await timedProgress(stack.appUrl, cookieFresh, DEMO_CITY_CODE);
		polls.push(poll.seconds);
		if (declaredThisWeek(poll.answer.counts) > declaredThisWeek(before.answer.counts)) break;
		await sleep(250);
	}
	return { viaGateway, countedAfter, views: [...views], visibleAfter: seconds(written), polls };
}

function measure(label: string, docs: number, values: number[]): Measure {
	return { label, docs, seconds: values };
}

async function main(): Promise<void> {
	if (env.BENCH_FRESH === '1') rmSync(DATA_DIR, { recursive: true, force: true });
	console.log(`PouchDB Server on disk in ${DATA_DIR}; ${WARDS} wards of ${HOUSEHOLDS} households.`);
	const stack = await startStack({ households: 0, dataDir: DATA_DIR, appEnv: NO_WARMING });
	try {
		const wards = cityWards(WARDS);
		const seed = await seedCity(stack, wards);
		const perWard = seed.ward.persons;
		console.log(
			`City: ${seed.docs} documents, ${WARDS * perWard} people (${WARDS} × ${JSON.stringify(seed.ward)}); ` +
				`writing ${seed.write_s.toFixed(0)} s, building the views ${seed.views_s.toFixed(0)} s`
		);
		if (env.BENCH_SEED_ONLY === '1') return;

		console.log(`\nWhere one cold ward read goes (${DEMO_WARD_CODE}, alone):\n`);
		console.log(await profileWard(stack.couch, DEMO_WARD_CODE));

		await detachWards(stack.couch, wards.slice(1));
		console.log('\nMeasuring (each line: one org tree size)…');
		const rows: Row[] = [];
		for (const count of STEPS) {
			await attachWards(stack.couch, wards.slice(0, count));
			rows.push(await measureStep(stack, count, perWard));
		}
		const ward = await measureWard(stack, perWard);
		const logFrom = stack.appLog().length;
		await stack.restartApp(WARMING);
		await untilWarmed(stack, logFrom);
		const update = await measureUpdate(stack, baseWard(HOUSEHOLDS));

		const wardCold = measure(`ward ${DEMO_WARD_CODE} alone, cold`, perWard, [ward.cold]);
		const wardWarm = measure(`ward ${DEMO_WARD_CODE} alone, warm`, perWard, ward.warm);
		console.log(`\nCold: a fresh app server, nothing cached (× floor: against the single ward)\n`);
		console.log(
			table(
				wardCold,
				[
					wardCold,
					...rows.map((row) =>
						measure(`city, ${row.wards} wards, cold`, row.people, [row.cityCold])
					)
				],
				'people'
			)
		);
		console.log(
			`\nWarm: the next queries (median of ${RUNS}); "checked": each ward's update_seq due\n`
		);
		console.log(
			table(
				wardWarm,
				[
					wardWarm,
					...rows.flatMap((row) => [
						measure(`city, ${row.wards} wards, warm`, row.people, row.cityWarm),
						measure(`city, ${row.wards} wards, warm, checked`, row.people, row.cityChecked),
						measure(`city, ${row.wards} wards, first after pre-warm`, row.people, [
							row.afterPrewarm
						])
					])
				],
				'people'
			)
		);
		console.log('\nGrowth with the number of wards (seconds):\n');
		console.log(
			'wards   people   cold  cold/ward  Σ ward reads  rows read   warm  checked  pre-warm'
		);
		for (const row of rows) {
			console.log(
				`${String(row.wards).padStart(5)} ${String(row.people).padStart(8)} ${formatSeconds(row.cityCold).padStart(6)} ` +
					`${(row.cityCold / ward.cold).toFixed(1).padStart(10)} ${(row.readMs / 1000).toFixed(1).padStart(13)} ` +
					`${String(row.readRows).padStart(10)} ${formatSeconds(median(row.cityWarm)).padStart(6)} ` +
					`${formatSeconds(median(row.cityChecked)).padStart(8)} ${row.prewarm_s.toFixed(1).padStart(9)}`
			);
		}
		const last = rows.at(-1);
		console.log(`\nOne new declaration in ${DEMO_WARD_CODE}, city of ${last?.wards} wards:\n`);
		console.log(
			table(
				wardWarm,
				[
					wardWarm,
					measure(
						'city, just after a declaration via the gateway',
						last?.people ?? 0,
						update.viaGateway
					)
				],
				'people'
			)
		);
		console.log(
			`counted by the city ${update.countedAfter.map(formatSeconds).join(', ')} s after each push; ` +
				`re-read: ${update.views.join('; ')}`
		);
		console.log(
			`written straight to CouchDB (another app server): counted ${update.visibleAfter.toFixed(1)} s later, ` +
				`queries meanwhile ${update.polls.map(formatSeconds).join(', ')} s`
		);
	} finally {
		await stack.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
