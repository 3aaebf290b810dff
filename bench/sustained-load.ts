// Sustained load: many phones pushing declarations at once for a fixed time, through the
// gateway and, as the baseline in the same run, the same pushes straight to CouchDB as the
// admin. Prints declarations a second, latency per push (p50/p95/p99), errors, the CPU the
// servers used, per-core rates, and how that compares with the Community Health Toolkit's
// published load test. Every declaration sent is then checked stored exactly once.
//
//   npm run build && npm run bench:load
//   BENCH_DEVICES=48 BENCH_SECONDS=60 BENCH_GATEWAYS=2 npm run bench:load

import { availableParallelism, cpus, loadavg } from 'node:os';
import { DEMO_PASSWORD, DEMO_WARD_CODE } from '../couch/seed/demo';
import { wardDatabaseName } from '../src/lib/domain/ids';
import { startStack, type Stack } from '../tests/support/stack';
import { cpuSecondsOf, ownCpuSeconds, percentile } from './cpu';
import { runDevice, type DeviceTally, type LoadDevice, type PushTarget } from './load-devices';
import {
	checkExactlyOnce,
	declarationCount,
	ensureCollaborators,
	personsByGroup
} from './load-world';
import { median } from './stats';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 600);
const DEVICES = Number(process.env.BENCH_DEVICES ?? 24);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const BATCH = Number(process.env.BENCH_BATCH ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const GATEWAYS = Number(process.env.BENCH_GATEWAYS ?? 1);
const IN_MEMORY = process.env.BENCH_IN_MEMORY === '1';
const DATABASE = wardDatabaseName(DEMO_WARD_CODE);
const WARM_UP_SECONDS = 3;

/** The Community Health Toolkit's published load test: 53,000 documents an hour on an 8-core
 * API server in front of a 3-node CouchDB; per core, the API's 8 cores only. */
const CHT_DOCS_PER_HOUR = 53_000;
const CHT_API_CORES = 8;
const CHT_PER_CORE_HOUR = CHT_DOCS_PER_HOUR / CHT_API_CORES;

type Phase = 'baseline' | 'gateway';

type PhaseResult = {
	phase: Phase;
	round: number;
	seconds: number;
	declarations: number;
	pushes: number;
	errors: number;
	latencies: number[];
	cpu: { app: number; couch: number; load: number };
	sent: string[];
};

async function signIn(appUrl: string, username: string, deviceId: string): Promise<string> {
	const response = await fetch(`${appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: deviceId })
	});
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('hssk_session='));
	if (response.status !== 200 || !cookie) {
		throw new Error(`sign-in of ${username} answered ${response.status}`);
	}
	return cookie;
}

type Phones = { baseline: LoadDevice[]; gateway: LoadDevice[] };

async function preparePhones(stack: Stack, appUrls: readonly string[]): Promise<Phones> {
	const groups = await personsByGroup(stack.couch, DATABASE);
	const codes = [...groups.keys()].sort();
	const usernames = await ensureCollaborators(stack.couch, codes);
	const admin: PushTarget = {
		databaseUrl: `${stack.couchUrl}/${DATABASE}`,
		headers: {
			authorization:
				'Basic ' + Buffer.from(`${stack.couchUser}:${stack.couchPassword}`).toString('base64')
		}
	};
	const phones: Phones = { baseline: [], gateway: [] };
	for (let index = 0; index < DEVICES; index++) {
		const group = codes[index % codes.length];
		const username = usernames[index % codes.length];
		const deviceId = `load-phone-${index + 1}`;
		const persons = groups.get(group) ?? [];
		const appUrl = appUrls[index % appUrls.length];
		const cookie = await signIn(appUrl, username, deviceId);
		phones.baseline.push({ username, deviceId, persons, target: admin });
		phones.gateway.push({
			username,
			deviceId,
			persons,
			target: { databaseUrl: `${appUrl}/db/${DATABASE}`, headers: { cookie } }
		});
	}
	return phones;
}

async function runPhase(
	phase: Phase,
	round: number,
	devices: readonly LoadDevice[],
	pids: { apps: (number | undefined)[]; couch: number | undefined },
	duration = SECONDS
): Promise<PhaseResult> {
	const appCpu = () => pids.apps.reduce<number>((sum, pid) => sum + cpuSecondsOf(pid), 0);
	const before = { app: appCpu(), couch: cpuSecondsOf(pids.couch), load: ownCpuSeconds() };
	const started = performance.now();
	const tallies: DeviceTally[] = await Promise.all(
		devices.map((device) => runDevice(device, BATCH, Date.now() + duration * 1000))
	);
	const seconds = (performance.now() - started) / 1000;
	const unsettled = tallies.flatMap((tally) => tally.unsettled);
	if (unsettled.length > 0) {
		throw new Error(`${phase}: ${unsettled.length} declarations never accepted`);
	}
	return {
		phase,
		round,
		seconds,
		declarations: tallies.reduce((sum, tally) => sum + tally.accepted, 0),
		pushes: tallies.reduce((sum, tally) => sum + tally.latencies.length, 0),
		errors: tallies.reduce((sum, tally) => sum + tally.errors, 0),
		latencies: tallies.flatMap((tally) => tally.latencies).sort((a, b) => a - b),
		cpu: {
			app: appCpu() - before.app,
			couch: cpuSecondsOf(pids.couch) - before.couch,
			load: ownCpuSeconds() - before.load
		},
		sent: tallies.flatMap((tally) => tally.sent)
	};
}

const perSecond = (result: PhaseResult) => result.declarations / result.seconds;
/** Declarations an hour per core of the server side's CPU time actually used (app + CouchDB). */
const perCpuCoreHour = (result: PhaseResult) =>
	(result.declarations / (result.cpu.app + result.cpu.couch)) * 3600;

function row(result: PhaseResult): string {
	const cells = [
		`${result.phase} ${result.round}`.padEnd(11),
		String(result.declarations).padStart(7),
		perSecond(result).toFixed(1).padStart(8),
		percentile(result.latencies, 0.5).toFixed(0).padStart(6),
		percentile(result.latencies, 0.95).toFixed(0).padStart(6),
		percentile(result.latencies, 0.99).toFixed(0).padStart(6),
		String(result.errors).padStart(6),
		result.cpu.app.toFixed(1).padStart(7),
		result.cpu.couch.toFixed(1).padStart(7),
		result.cpu.load.toFixed(1).padStart(7),
		Math.round(perCpuCoreHour(result)).toLocaleString('en-US').padStart(12)
	];
	return cells.join(' ');
}

const HEADER =
	'phase        decls  decl/s  p50ms  p95ms  p99ms errors  app s couch s  load s decl/h/core';

function summary(results: readonly PhaseResult[], cores: number): string {
	const of = (phase: Phase) => results.filter((result) => result.phase === phase);
	const rate = (phase: Phase) => median(of(phase).map(perSecond));
	const cpuRate = (phase: Phase) => median(of(phase).map(perCpuCoreHour));
	const gatewayRate = rate('gateway');
	const baselineRate = rate('baseline');
	const hourly = gatewayRate * 3600;
	const perMachineCore = hourly / cores;
	const lines = [
		`gateway: ${gatewayRate.toFixed(1)} declarations/s (median of ${of('gateway').length}), ` +
			`baseline straight to CouchDB: ${baselineRate.toFixed(1)}/s; ` +
			`gateway ÷ baseline = ${(gatewayRate / baselineRate).toFixed(2)}`,
		`gateway: ${Math.round(hourly).toLocaleString('en-US')} declarations/hour on ${cores} cores ` +
			`shared by the app server(s), PouchDB Server and this load generator = ` +
			`${Math.round(perMachineCore).toLocaleString('en-US')}/hour/core`,
		`gateway: ${Math.round(cpuRate('gateway')).toLocaleString('en-US')} declarations per ` +
			`core-hour of server CPU actually used (app + PouchDB Server); baseline (PouchDB Server ` +
			`only): ${Math.round(cpuRate('baseline')).toLocaleString('en-US')}`,
		`CHT published: ${CHT_DOCS_PER_HOUR.toLocaleString('en-US')} docs/hour on an ` +
			`${CHT_API_CORES}-core API + 3-node CouchDB = ${Math.round(CHT_PER_CORE_HOUR).toLocaleString('en-US')}` +
			`/hour per API core (CouchDB's cores not counted)`,
		`per machine core, ours ÷ CHT's per API core = ${(perMachineCore / CHT_PER_CORE_HOUR).toFixed(1)} ` +
			`(${perMachineCore > CHT_PER_CORE_HOUR ? 'ahead' : 'behind'}, counting our database's cores too)`
	];
	return lines.join('\n');
}

async function main(): Promise<void> {
	const cores = availableParallelism();
	console.log(
		`${DEVICES} phones, batches of ${BATCH} declarations, ${SECONDS} s a phase, ${ROUNDS} rounds, ` +
			`${GATEWAYS} gateway(s), ${HOUSEHOLDS} households, PouchDB Server ${IN_MEMORY ? 'in memory' : 'on disk'}; ` +
			`${cores} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()[0].toFixed(2)}`
	);
	const stack = await startStack({ households: HOUSEHOLDS, couchOnDisk: !IN_MEMORY });
	try {
		const extra = await Promise.all(
			Array.from({ length: GATEWAYS - 1 }, () => stack.startSecondApp())
		);
		const appUrls = [stack.appUrl, ...extra.map((app) => app.url)];
		const pids = {
			apps: [stack.pids().app, ...extra.map((app) => app.pid)],
			couch: stack.pids().couch
		};
		const phones = await preparePhones(stack, appUrls);
		const before = await declarationCount(stack.couch, DATABASE);
		// A short push each way first, so neither measured phase pays for a cold start; its
		// declarations are checked with the others.
		const warmUp = [
			await runPhase('baseline', 0, phones.baseline.slice(0, 2), pids, WARM_UP_SECONDS),
			await runPhase('gateway', 0, phones.gateway.slice(0, 2), pids, WARM_UP_SECONDS)
		];
		console.log(HEADER);
		const results: PhaseResult[] = [];
		for (let round = 1; round <= ROUNDS; round++) {
			// Alternate which goes first, so a growing database does not favour one side.
			const order: Phase[] = round % 2 === 1 ? ['baseline', 'gateway'] : ['gateway', 'baseline'];
			for (const phase of order) {
				const result = await runPhase(phase, round, phones[phase], pids);
				results.push(result);
				console.log(row(result));
			}
		}
		const sent = [...warmUp, ...results].flatMap((result) => result.sent);
		await checkExactlyOnce(stack.couch, DATABASE, sent, before);
		console.log(`checked: all ${sent.length} declarations sent are stored exactly once`);
		console.log(summary(results, cores));
	} finally {
		await stack.stop();
	}
}

await main();
