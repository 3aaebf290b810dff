// A collaborator's first sync of their group, timed against its floor: stock PouchDB pulling
// exactly the same documents straight from CouchDB by `doc_ids`. Measured through the gateway
// by stock PouchDB and by the device's own RxDB replication, each several times in the same
// run, and printed as medians with their ratio to the floor.
//
//   npm run build && npm run bench
//   BENCH_HOUSEHOLDS=7000 BENCH_RUNS=5 npm run bench     (about 49,000 documents: a real ward)

import { DEMO_PASSWORD, DEMO_WARD_CODE } from '../couch/seed/demo';
import { wardDatabaseName } from '../src/lib/domain/ids';
import type { SessionUser } from '../src/lib/domain/session';
import { startStack, type Stack } from '../tests/support/stack';
import { loadDeviceSide, type DeviceSide } from './device-loader';
import { pouchPull, withCredentials } from './pouch-pull';
import { readCollaboratorScope, type CollaboratorScope } from './scope';
import { table, type Measure } from './stats';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 3000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const COLLABORATOR = 'ctv-demo';
const GROUPS = [`${DEMO_WARD_CODE}-01`];
const DEVICE_ID = 'bench-ctv-demo-phone';
const DATABASE = wardDatabaseName(DEMO_WARD_CODE);

async function signIn(appUrl: string): Promise<{ user: SessionUser; cookie: string }> {
	const response = await fetch(`${appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username: COLLABORATOR, password: DEMO_PASSWORD, device_id: DEVICE_ID })
	});
	if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('hssk_session='));
	if (!cookie) throw new Error('sign-in set no session cookie');
	const { user } = (await response.json()) as { user: SessionUser };
	return { user, cookie };
}

/** One small request through each path the pulls take, so the timings leave out start-up. */
async function warmUp(stack: Stack): Promise<void> {
	const { cookie } = await signIn(stack.appUrl);
	// Without `type=` and from no shared start, this caches nothing the measured pulls could use.
	const response = await fetch(
		`${stack.appUrl}/db/${DATABASE}/_changes?limit=1&include_docs=true`,
		{
			headers: { cookie }
		}
	);
	if (response.status !== 200) throw new Error(`warm-up _changes answered ${response.status}`);
	await response.arrayBuffer();
}

function sameIds(pulled: string[], scope: CollaboratorScope, what: string): void {
	const expected = [...scope.ids].sort().join('\n');
	if ([...pulled].sort().join('\n') !== expected) {
		throw new Error(
			`${what} pulled ${pulled.length} documents, the scope holds ${scope.ids.length}`
		);
	}
}

async function oneRound(stack: Stack, device: DeviceSide, measures: Measure[]): Promise<void> {
	const [floor, gatewayPouch, gatewayDevice] = measures;
	// Read again each round: the device's status report adds to the scope.
	const scope = await readCollaboratorScope(stack.couch, DATABASE, COLLABORATOR, GROUPS);

	const direct = withCredentials(
		`${stack.couchUrl}/${DATABASE}`,
		stack.couchUser,
		stack.couchPassword
	);
	const baseline = await pouchPull(direct, scope.ids);
	sameIds(baseline.ids, scope, 'PouchDB from CouchDB');
	floor.seconds.push(baseline.seconds);
	floor.docs = scope.ids.length;

	// A fresh app server for each pull: nothing another pull read is cached in the gateway.
	await stack.restartApp();
	await warmUp(stack);
	const gateway = withCredentials(`${stack.appUrl}/db/${DATABASE}`, COLLABORATOR, DEMO_PASSWORD);
	const viaGateway = await pouchPull(gateway);
	sameIds(viaGateway.ids, scope, 'PouchDB through the gateway');
	gatewayPouch.seconds.push(viaGateway.seconds);
	gatewayPouch.docs = scope.ids.length;

	await stack.restartApp();
	await warmUp(stack);
	const { user, cookie } = await signIn(stack.appUrl);
	const pulled = await device.module.pullAsDevice({
		appUrl: stack.appUrl,
		user,
		cookie,
		deviceId: DEVICE_ID
	});
	if (JSON.stringify(pulled.counts) !== JSON.stringify(scope.records)) {
		throw new Error(
			`the device pulled ${JSON.stringify(pulled.counts)}, the scope holds ${JSON.stringify(scope.records)}`
		);
	}
	gatewayDevice.seconds.push(pulled.seconds);
	gatewayDevice.docs = scope.records.household + scope.records.person + scope.records.declaration;
}

async function main(): Promise<void> {
	console.log(`Seeding ${HOUSEHOLDS} households and starting the app server…`);
	const seeding = performance.now();
	// No progress pre-warm: it would read the ward's views while the pulls are timed.
	const stack = await startStack({ households: HOUSEHOLDS, appEnv: { PROGRESS_WARM: '0' } });
	let device: DeviceSide | undefined;
	try {
		device = await loadDeviceSide();
		const scope = await readCollaboratorScope(stack.couch, DATABASE, COLLABORATOR, GROUPS);
		console.log(
			`Ready in ${((performance.now() - seeding) / 1000).toFixed(1)} s: ${scope.wardDocs} ` +
				`documents in ${DATABASE}, ${scope.ids.length} in ${COLLABORATOR}'s scope (${GROUPS.join(', ')})`
		);
		const measures: Measure[] = [
			{ label: '(1) PouchDB from CouchDB by doc_ids (floor)', docs: 0, seconds: [] },
			{ label: '(2) PouchDB through the gateway', docs: 0, seconds: [] },
			{ label: '(3) device RxDB through the gateway', docs: 0, seconds: [] }
		];
		for (let run = 1; run <= RUNS; run++) {
			await oneRound(stack, device, measures);
			console.log(
				`run ${run}/${RUNS}: ` +
					measures.map((measure) => `${measure.seconds.at(-1)?.toFixed(2)} s`).join(', ')
			);
		}
		console.log(`\nFirst sync of ${COLLABORATOR}, median of ${RUNS} runs:\n`);
		console.log(table(measures[0], measures));
	} finally {
		await device?.close();
		await stack.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
