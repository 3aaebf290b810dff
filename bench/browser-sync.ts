// The device's sync measured in a real Chromium page, each figure next to its baseline from the
// same run: a first sync (a collaborator's group, a whole ward) into a fresh RxDB on the Dexie
// storage through the gateway against stock PouchDB (IndexedDB adapter) replicating the same
// documents straight from CouchDB; the gateway's overhead for the same pull; 500 declarations
// made offline, pushed and stamped, against stock PouchDB pushing them straight; and the
// memory of the servers and of the page during a ward's first sync.
//
//   npm run build && npm run bench:browser
//   BENCH_WARD_HOUSEHOLDS=2000 BENCH_WARD_PERSONS=6000 npm run bench:browser   (a quick run)

import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_WARD_CODE, WARD_STAFF_USERNAME } from '../couch/seed/demo';
import { wardDatabaseName } from '../src/lib/domain/ids';
import { launchBrowser, type Browser } from '../tests/support/browser';
import { startStack, type Stack } from '../tests/support/stack';
import { appFirstSync } from './browser/app-first-sync';
import { openBenchPage, pageHeap, type Heap } from './browser/bench-pages';
import { bundleBrowserPages, type BrowserBundle } from './browser/browser-bundle';
import type { FirstSync, RecordCounts } from './browser/device-page';
import type { Credentials, PouchPull } from './browser/pouch-page';
import { childPid, cpuSeconds, megabytes, sampleRss, statusBytes } from './browser/process-usage';
import { buildWardViews } from './city-seed';
import { readCollaboratorScope } from './scope';
import { median, table, type Measure } from './stats';
import { seedBenchWard } from './ward-seed';

const WARD_SIZE = {
	households: Number(process.env.BENCH_WARD_HOUSEHOLDS ?? 8000),
	persons: Number(process.env.BENCH_WARD_PERSONS ?? 25_000)
};
const GROUP_RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WARD_RUNS = Number(process.env.BENCH_WARD_RUNS ?? 1);
const PUSHED = Number(process.env.BENCH_PUSH ?? 500);
const COLLABORATOR = 'ctv-demo';
const GROUP = `${DEMO_WARD_CODE}-01`;
const DATABASE = wardDatabaseName(DEMO_WARD_CODE);
const TARGETS = { groupSeconds: 5, wardSeconds: 60, pushSeconds: 5, gatewayOverhead: 1.25 };

type Scope = { ids: string[]; records: RecordCounts };

type Who = { username: string; deviceId: string; scope: () => Promise<Scope> };

/** A measure with the CPU seconds each server spent on it, run by run. */
type Measured = Measure & { appCpu: number[]; couchCpu: number[] };

type Figures = { floor: Measured; gatewayPouch: Measured; device: Measured; app: Measured };

type Memory = {
	appIdle: number;
	appPeak: number;
	appHighWater: number;
	couchIdle: number;
	couchPeak: number;
	pageEmpty: Heap;
	pageLoaded: Heap;
	appSignedOut: Heap;
	appLoaded: Heap;
};

async function wardScope(stack: Stack): Promise<Scope> {
	const { rows } = await stack.couch.json<{ rows: { id: string; doc?: { type?: string } }[] }>(
		`${DATABASE}/_all_docs`,
		{ query: { include_docs: true } }
	);
	const records: RecordCounts = { household: 0, person: 0, declaration: 0 };
	const ids: string[] = [];
	for (const { id, doc } of rows) {
		if (id.startsWith('_')) continue;
		ids.push(id);
		if (doc?.type && doc.type in records) records[doc.type as keyof RecordCounts] += 1;
	}
	return { ids, records };
}

/** One small request through the gateway, so a fresh app server's start-up is not timed. */
async function warmUp(stack: Stack): Promise<void> {
	const response = await fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			username: COLLABORATOR,
			password: DEMO_PASSWORD,
			device_id: 'bench-warm-up'
		})
	});
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('hssk_session='));
	if (!cookie) throw new Error(`warm-up sign-in answered ${response.status}`);
	const changes = await fetch(`${stack.appUrl}/db/${DATABASE}/_changes?limit=1`, {
		headers: { cookie }
	});
	if (changes.status !== 200) throw new Error(`warm-up _changes answered ${changes.status}`);
	await changes.arrayBuffer();
}

function sameIds(pulled: PouchPull, scope: Scope, what: string): void {
	const expected = new Set(scope.ids);
	const got = new Set(pulled.ids);
	const missing = scope.ids.filter((id) => !got.has(id));
	const extra = pulled.ids.filter((id) => !expected.has(id) && !id.startsWith('_design/'));
	if (missing.length > 0 || extra.length > 0) {
		throw new Error(
			`${what} pulled ${pulled.docs} documents: ${missing.length} of the scope's ` +
				`${scope.ids.length} missing, ${extra.length} outside it`
		);
	}
}

function sameCounts(pulled: RecordCounts, scope: Scope, what: string): void {
	if (JSON.stringify(pulled) !== JSON.stringify(scope.records)) {
		throw new Error(
			`${what} pulled ${JSON.stringify(pulled)}, the scope holds ${JSON.stringify(scope.records)}`
		);
	}
}

class Bench {
	constructor(
		readonly stack: Stack,
		readonly browser: Browser,
		readonly bundle: BrowserBundle
	) {}

	get admin(): Credentials {
		return { username: this.stack.couchUser, password: this.stack.couchPassword };
	}

	async pouchPull(origin: string, path: string, auth: Credentials, ids?: string[]) {
		// A device page's session cookie would speak for its user instead of `auth`.
		await this.browser.context.clearCookies();
		const page = await openBenchPage(this.browser.context, this.bundle, origin, 'pouch-page');
		try {
			return await page.evaluate(
				([url, credentials, docIds]) => window.benchPouch.pull(url, credentials, docIds),
				[`${origin}${path}`, auth, ids] as const
			);
		} finally {
			await page.close();
		}
	}

	/** A fresh app server, warmed up: nothing another pull read is cached in the gateway. */
	async freshApp(): Promise<void> {
		await this.stack.restartApp();
		await warmUp(this.stack);
	}

	async devicePage(): Promise<Page> {
		return openBenchPage(this.browser.context, this.bundle, this.stack.appUrl, 'device-page');
	}

	async deviceSync(page: Page, who: Who): Promise<FirstSync> {
		return page.evaluate(
			([username, password, deviceId]) =>
				window.benchDevice.firstSync(username, password, deviceId),
			[who.username, DEMO_PASSWORD, who.deviceId] as const
		);
	}

	/** Runs `pull`, adding the CPU seconds each server spent meanwhile to `measure`. */
	async withServerCpu<T>(measure: Measured, pull: () => Promise<T>): Promise<T> {
		const appPid = childPid('server/index.js');
		const couchPid = childPid('pouchdb-server');
		const before = { app: cpuSeconds(appPid), couch: cpuSeconds(couchPid) };
		const result = await pull();
		measure.appCpu.push(cpuSeconds(appPid) - before.app);
		measure.couchCpu.push(cpuSeconds(couchPid) - before.couch);
		return result;
	}

	/**
	 * The pulls of a scope by stock PouchDB and by the sync module. Straight from CouchDB, a
	 * group is pulled by `doc_ids`; a whole ward as the database (its few design documents come
	 * along), since PouchDB Server's `doc_ids` filter is a linear search per document.
	 */
	async pullRound(who: Who, figures: Figures, byIds: boolean, memory?: Partial<Memory>) {
		const scope = await who.scope();
		const floor = await this.withServerCpu(figures.floor, () =>
			this.pouchPull(this.stack.couchUrl, `/${DATABASE}`, this.admin, byIds ? scope.ids : undefined)
		);
		sameIds(floor, scope, 'PouchDB from CouchDB');
		figures.floor.seconds.push(floor.seconds);
		figures.floor.docs = floor.docs;

		await this.freshApp();
		const viaGateway = await this.withServerCpu(figures.gatewayPouch, () =>
			this.pouchPull(this.stack.appUrl, `/db/${DATABASE}`, {
				username: who.username,
				password: DEMO_PASSWORD
			})
		);
		sameIds(viaGateway, scope, 'PouchDB through the gateway');
		figures.gatewayPouch.seconds.push(viaGateway.seconds);
		figures.gatewayPouch.docs = viaGateway.docs;

		await this.freshApp();
		const page = await this.devicePage();
		const appPid = childPid('server/index.js');
		const couchPid = childPid('pouchdb-server');
		if (memory) {
			memory.appIdle = statusBytes(appPid, 'VmRSS');
			memory.couchIdle = statusBytes(couchPid, 'VmRSS');
			memory.pageEmpty = await pageHeap(page);
		}
		const appRss = sampleRss(appPid);
		const couchRss = sampleRss(couchPid);
		const pulled = await this.withServerCpu(figures.device, () => this.deviceSync(page, who));
		const appPeak = appRss.stop().peakBytes;
		const couchPeak = couchRss.stop().peakBytes;
		if (memory) {
			memory.appPeak = appPeak;
			memory.couchPeak = couchPeak;
			memory.appHighWater = statusBytes(appPid, 'VmHWM');
			memory.pageLoaded = await pageHeap(page);
		}
		sameCounts(pulled.counts, scope, 'The device');
		figures.device.seconds.push(pulled.seconds);
		figures.device.docs =
			pulled.counts.household + pulled.counts.person + pulled.counts.declaration;
		return page;
	}

	/** The app's own page signed in through its form, on a fresh app server. */
	async appRound(who: Who, figures: Figures, memory?: Partial<Memory>): Promise<void> {
		const scope = await who.scope();
		await this.freshApp();
		const app = await this.withServerCpu(figures.app, () =>
			appFirstSync(this.stack.appUrl, who.username, DEMO_PASSWORD, scope.records)
		);
		figures.app.seconds.push(app.seconds);
		figures.app.docs = scope.records.household + scope.records.person + scope.records.declaration;
		if (memory) {
			memory.appSignedOut = app.heapSignedOut;
			memory.appLoaded = app.heap;
		}
	}

	/** Declarations made offline on the synced device, then the time until all are stamped. */
	async devicePush(page: Page): Promise<{ seconds: number; ids: string[] }> {
		const { context } = this.browser;
		await context.setOffline(true);
		await page.evaluate(() => window.benchDevice.untilOnline(false));
		const ids = await page.evaluate((count) => window.benchDevice.declareOffline(count), PUSHED);
		await page.evaluate((declared) => window.benchDevice.armPush(declared), ids);
		await context.setOffline(false);
		const seconds = await page.evaluate(() => window.benchDevice.pushSeconds());
		const { rows } = await this.stack.couch.json<{ rows: { doc?: { stamp?: unknown } }[] }>(
			`${DATABASE}/_all_docs`,
			{ method: 'POST', query: { include_docs: true }, body: { keys: ids } }
		);
		const stamped = rows.filter((row) => row.doc?.stamp !== undefined).length;
		if (stamped !== ids.length) {
			throw new Error(`CouchDB holds ${stamped} of the ${ids.length} pushed declarations stamped`);
		}
		return { seconds, ids };
	}

	/** Stock PouchDB pushing the same declarations (under new ids) straight to CouchDB. */
	async pouchPush(ids: string[]): Promise<number> {
		const { rows } = await this.stack.couch.json<{ rows: { doc: Record<string, unknown> }[] }>(
			`${DATABASE}/_all_docs`,
			{ method: 'POST', query: { include_docs: true }, body: { keys: ids } }
		);
		// Stock PouchDB writes them as new documents: no revision, a new id each.
		const docs = rows.map(({ doc }) => ({
			...doc,
			_id: `declaration:${crypto.randomUUID()}`,
			_rev: undefined
		}));
		const origin = this.stack.couchUrl;
		const page = await openBenchPage(this.browser.context, this.bundle, origin, 'pouch-page');
		try {
			return await page.evaluate(([url, auth, body]) => window.benchPouch.push(url, auth, body), [
				`${origin}/${DATABASE}`,
				this.admin,
				docs
			] as const);
		} finally {
			await page.close();
		}
	}
}

function measured(label: string): Measured {
	return { label, docs: 0, seconds: [], appCpu: [], couchCpu: [] };
}

function figuresFor(what: string): Figures {
	return {
		floor: measured('stock PouchDB from CouchDB (baseline)'),
		gatewayPouch: measured('stock PouchDB through the gateway'),
		device: measured(`${what}: device RxDB (Dexie) through the gateway`),
		app: measured(`${what}: the app's page, from its sign-in form`)
	};
}

/** Each pull's median CPU seconds on the app server and on PouchDB Server, against the floor's. */
function cpuTable(figures: Figures): string {
	const rows = [figures.floor, figures.gatewayPouch, figures.device, figures.app];
	const total = (measure: Measured) => median(measure.appCpu) + median(measure.couchCpu);
	const width = Math.max(...rows.map((measure) => measure.label.length));
	const header = `${''.padEnd(width)}   app s  couch s  total s  × floor`;
	return [
		header,
		...rows.map(
			(measure) =>
				measure.label.padEnd(width) +
				median(measure.appCpu).toFixed(2).padStart(8) +
				median(measure.couchCpu).toFixed(2).padStart(9) +
				total(measure).toFixed(2).padStart(9) +
				(total(measure) / total(figures.floor)).toFixed(2).padStart(9)
		)
	].join('\n');
}

function verdict(isMet: boolean, text: string): string {
	return `${isMet ? 'met   ' : 'MISSED'}  ${text}`;
}

function summary(
	group: Figures,
	ward: Figures | null,
	push: Measure,
	pushFloor: Measure
): string[] {
	const scopes = ward
		? ([
				['group', group, TARGETS.groupSeconds],
				['ward', ward, TARGETS.wardSeconds]
			] as const)
		: ([['group', group, TARGETS.groupSeconds]] as const);
	const ratio = (a: Measure, b: Measure) => median(a.seconds) / median(b.seconds);
	const lines: string[] = [];
	for (const [name, figures] of scopes) {
		const overhead = ratio(figures.gatewayPouch, figures.floor);
		lines.push(
			verdict(
				overhead <= TARGETS.gatewayOverhead,
				`${name}: gateway ${((overhead - 1) * 100).toFixed(0)}% over straight CouchDB (target ≤ 25%)`
			),
			verdict(
				ratio(figures.device, figures.floor) <= 1,
				`${name}: device first sync ${ratio(figures.device, figures.floor).toFixed(2)}× stock PouchDB's (target ≤ 1)`
			)
		);
	}
	for (const [name, figures, target] of scopes) {
		for (const [how, measure] of [
			['the sync module', figures.device],
			["the app's page", figures.app]
		] as const) {
			const seconds = median(measure.seconds);
			lines.push(
				verdict(seconds < target, `a ${name} by ${how} in ${seconds.toFixed(2)} s (< ${target} s)`)
			);
		}
	}
	const pushSeconds = median(push.seconds);
	lines.push(
		verdict(
			pushSeconds < TARGETS.pushSeconds,
			`${PUSHED} declarations pushed and stamped in ${pushSeconds.toFixed(2)} s (< 5 s), ` +
				`${ratio(push, pushFloor).toFixed(2)}× stock PouchDB's push`
		)
	);
	return lines;
}

async function main(): Promise<void> {
	const started = performance.now();
	console.log(
		`Seeding a ward of ${WARD_SIZE.households} households and about ${WARD_SIZE.persons} people…`
	);
	// No progress pre-warm: it would read the ward's views while the syncs are timed.
	const stack = await startStack({ households: 0, appEnv: { PROGRESS_WARM: '0' } });
	let browser: Browser | undefined;
	let bundle: BrowserBundle | undefined;
	try {
		const seeded = await seedBenchWard(stack.couch, WARD_SIZE);
		// A running server has read the ward's progress views long before anyone signs in; built
		// here, their one-time indexing is no part of the app page's first sync.
		await buildWardViews(stack.couch, DEMO_WARD_CODE);
		bundle = await bundleBrowserPages();
		browser = await launchBrowser();
		const bench = new Bench(stack, browser, bundle);
		const collaborator: Who = {
			username: COLLABORATOR,
			deviceId: 'bench-ctv-demo-phone',
			scope: () => readCollaboratorScope(stack.couch, DATABASE, COLLABORATOR, [GROUP])
		};
		const wardStaff: Who = {
			username: WARD_STAFF_USERNAME,
			deviceId: 'bench-ward-demo-desk',
			scope: () => wardScope(stack)
		};
		console.log(
			`Ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${seeded.households} ` +
				`households, ${seeded.persons} people, ${seeded.declarations} declarations ` +
				`(${seeded.docs} documents) in ${DATABASE}`
		);

		const group = figuresFor(`group ${GROUP}`);
		const push: Measure = {
			label: `${PUSHED} offline declarations: device, through the gateway`,
			docs: PUSHED,
			seconds: []
		};
		const pushFloor: Measure = {
			label: `the same: stock PouchDB straight to CouchDB (baseline)`,
			docs: PUSHED,
			seconds: []
		};
		for (let run = 1; run <= GROUP_RUNS; run++) {
			const page = await bench.pullRound(collaborator, group, true);
			const pushed = await bench.devicePush(page);
			push.seconds.push(pushed.seconds);
			await page.evaluate(() => window.benchDevice.remove());
			await page.close();
			pushFloor.seconds.push(await bench.pouchPush(pushed.ids));
			await bench.appRound(collaborator, group);
			console.log(
				`group run ${run}/${GROUP_RUNS}: ` +
					[group.floor, group.gatewayPouch, group.device, group.app, push, pushFloor]
						.map((measure) => `${measure.seconds.at(-1)?.toFixed(2)} s`)
						.join(', ')
			);
		}

		const ward = figuresFor('whole ward');
		const memory: Partial<Memory> = {};
		for (let run = 1; run <= WARD_RUNS; run++) {
			const page = await bench.pullRound(wardStaff, ward, false, memory);
			await page.evaluate(() => window.benchDevice.remove());
			await page.close();
			await bench.appRound(wardStaff, ward, memory);
			console.log(
				`ward run ${run}/${WARD_RUNS}: ` +
					[ward.floor, ward.gatewayPouch, ward.device, ward.app]
						.map((measure) => `${measure.seconds.at(-1)?.toFixed(2)} s`)
						.join(', ')
			);
		}

		console.log(`\nFirst sync of ${COLLABORATOR}'s group, median of ${GROUP_RUNS}:\n`);
		console.log(table(group.floor, [group.floor, group.gatewayPouch, group.device, group.app]));
		console.log(`\nCPU seconds the servers spent on each, median:\n\n${cpuTable(group)}`);
		console.log(`\nPushing declarations made offline, median of ${GROUP_RUNS}:\n`);
		console.log(table(pushFloor, [pushFloor, push]));
		if (WARD_RUNS > 0) printWard(ward, memory as Memory);
		console.log(
			`\nTargets:\n${summary(group, WARD_RUNS > 0 ? ward : null, push, pushFloor).join('\n')}`
		);
		console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
	} finally {
		await browser?.close();
		bundle?.remove();
		await stack.stop();
	}
}

function printWard(ward: Figures, m: Memory): void {
	console.log(
		`\nFirst sync of the whole ward as ${WARD_STAFF_USERNAME}, median of ${WARD_RUNS}:\n`
	);
	console.log(table(ward.floor, [ward.floor, ward.gatewayPouch, ward.device, ward.app]));
	console.log(`\nCPU seconds the servers spent on each, median:\n\n${cpuTable(ward)}`);
	console.log(`\nMemory during the ward's first sync (baseline: idle server, empty page):\n`);
	console.log(
		[
			`app server RSS       idle ${megabytes(m.appIdle)}, peak ${megabytes(m.appPeak)} ` +
				`(${(m.appPeak / m.appIdle).toFixed(2)}×; VmHWM ${megabytes(m.appHighWater)})`,
			`PouchDB Server RSS   before ${megabytes(m.couchIdle)}, peak ${megabytes(m.couchPeak)} ` +
				`(${(m.couchPeak / m.couchIdle).toFixed(2)}×)`,
			`page JS heap (used)  empty ${megabytes(m.pageEmpty.usedBytes)}, ward loaded ` +
				`${megabytes(m.pageLoaded.usedBytes)} (${(m.pageLoaded.usedBytes / m.pageEmpty.usedBytes).toFixed(2)}×; ` +
				`total ${megabytes(m.pageLoaded.totalBytes)})`,
			`app page JS heap     sign-in page ${megabytes(m.appSignedOut.usedBytes)}, ward synced ` +
				`${megabytes(m.appLoaded.usedBytes)} (${(m.appLoaded.usedBytes / m.appSignedOut.usedBytes).toFixed(2)}×; ` +
				`total ${megabytes(m.appLoaded.totalBytes)})`
		].join('\n')
	);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
