// Sync under faults: phones in Node (the real device database and ward sync) talking to the
// real gateway through a proxy that cuts answers half way, answers 500 before or after the
// server did the work, and delays requests (tests/support/fault-proxy.ts); the app server and
// PouchDB Server (on disk) restarted while a push is under way; a push answered after the
// changes feed has brought its stamped copy; a slow link. Every declaration made offline must
// be on the server exactly once and stamped, on the server and on the phone. Each test prints
// its numbers in one line. Needs `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Declaration } from '../../src/lib/domain';
import { PUSH_BATCH_SIZE } from '../../src/lib/sync/collection-replication';
import {
	arrivedCount,
	declareMany,
	describeArrivals,
	exactlyOnce,
	settle as settleOn,
	type Arrivals
} from '../support/arrivals';
import { startDevice, until, type Device } from '../support/device';
import {
	PASS_THROUGH,
	seededFaults,
	startFaultProxy,
	type FaultCounts,
	type FaultProxy
} from '../support/fault-proxy';
import { startStack, type Stack } from '../support/stack';

const WARD_DATABASE = 'ward_26956';
/** Short waits between retries, so a run with hundreds of failures stays short. */
const RETRY = { firstMs: 100, maxMs: 1_000 };
const SETTLE_TIMEOUT_MS = 45_000;
/** Several push batches, so that a restart after the first has arrived lands mid-push. */
const MID_PUSH_DECLARATIONS = PUSH_BATCH_SIZE * 3;

let stack: Stack;
let proxy: FaultProxy;
let phone: Device;
let secondPhone: Device;
const devices: Device[] = [];

async function device(username: string, deviceId: string): Promise<Device> {
	const started = await startDevice({
		appUrl: stack.appUrl,
		syncOrigin: proxy.url,
		username,
		deviceId,
		retry: RETRY,
		reportIntervalMs: 1_000
	});
	devices.push(started);
	return started;
}

beforeAll(async () => {
	stack = await startStack({ households: 60, couchOnDisk: true });
	proxy = await startFaultProxy(stack.appUrl);
	phone = await device('ctv-demo', 'fault-phone-1');
	secondPhone = await device('ctv-demo-2', 'fault-phone-2');
	await Promise.all(devices.map((each) => each.sync.awaitInSync()));
});
afterAll(async () => {
	for (const each of devices) await each.stop();
	await proxy?.close();
	await stack?.stop();
});

function settle(sent: Declaration[], on: Device[]): Promise<Arrivals> {
	return settleOn(stack.couch, WARD_DATABASE, sent, on, SETTLE_TIMEOUT_MS);
}

/** Every local copy holds the server's stamp: the device knows each one arrived. */
async function expectStampedOnDevice(device: Device, sent: Declaration[]): Promise<void> {
	const ids = sent.filter((each) => each.audit.device_id === device.deviceId).map((d) => d.id);
	const local = await device.db.rx.declarations.findByIds(ids).exec();
	const unstamped = ids.filter((id) => !local.get(id)?.stamp);
	expect(unstamped, `unstamped on ${device.deviceId}`).toEqual([]);
	expect(device.sync.status.current).toMatchObject({ waiting: 0, refused: [], conflicts: 0 });
}

function expectExactlyOnce(arrivals: Arrivals): void {
	expect(arrivals).toEqual(exactlyOnce(arrivals.sent));
}

function report(what: string, arrivals: Arrivals, started: number, faults?: FaultCounts) {
	console.info(describeArrivals(what, arrivals, (performance.now() - started) / 1000, faults));
}

describe('sync under faults', () => {
	it('delivers 300 offline declarations from two phones exactly once through cuts, 500s and delays', async () => {
		for (const each of devices) each.goOffline();
		const sent = [
			...(await declareMany(phone.db, 150, 'faults/phone-1')),
			...(await declareMany(secondPhone.db, 150, 'faults/phone-2'))
		];
		expect(await arrivedCount(stack.couch, WARD_DATABASE, sent)).toBe(0);

		proxy.resetCounts();
		proxy.setPlan(
			seededFaults({ seed: 20261128, cut: 0.2, fail: 0.2, delay: 0.2, delayMs: [200, 1_500] })
		);
		const started = performance.now();
		for (const each of devices) each.goOnline();
		const arrivals = await settle(sent, devices);
		const faults = proxy.counts();
		proxy.setPlan(PASS_THROUGH);
		report('Cuts, 500s and delays', arrivals, started, faults);

		expectExactlyOnce(arrivals);
		expect(faults.cut).toBeGreaterThan(0);
		expect(faults.fail_after).toBeGreaterThan(0);
		for (const each of devices) await expectStampedOnDevice(each, sent);
	});

	it('delivers every declaration exactly once when the app server restarts mid-push', async () => {
		phone.goOffline();
		const sent = await declareMany(phone.db, MID_PUSH_DECLARATIONS, 'faults/app-restart');
		// Slow enough that the push is still going when the server goes away.
		proxy.setPlan(() => ({ answer: 'pass', delayMs: 150 }));
		proxy.resetCounts();
		const started = performance.now();
		phone.goOnline();
		await until(
			async () => (await arrivedCount(stack.couch, WARD_DATABASE, sent)) > 0,
			'the first declarations on the server'
		);
		await stack.restartApp();
		const arrivedBeforeRestart = await arrivedCount(stack.couch, WARD_DATABASE, sent);
		const arrivals = await settle(sent, [phone]);
		const faults = proxy.counts();
		proxy.setPlan(PASS_THROUGH);
		report(
			`App server restarted after ${arrivedBeforeRestart} had arrived`,
			arrivals,
			started,
			faults
		);

		expect(arrivedBeforeRestart).toBeLessThan(sent.length);
		expectExactlyOnce(arrivals);
		await expectStampedOnDevice(phone, sent);
	});

	it('delivers every declaration exactly once when PouchDB Server restarts mid-push', async () => {
		phone.goOffline();
		const sent = await declareMany(phone.db, MID_PUSH_DECLARATIONS, 'faults/couch-restart');
		proxy.setPlan(() => ({ answer: 'pass', delayMs: 150 }));
		proxy.resetCounts();
		const started = performance.now();
		phone.goOnline();
		await until(
			async () => (await arrivedCount(stack.couch, WARD_DATABASE, sent)) > 0,
			'the first declarations on the server'
		);
		await stack.restartCouch();
		const arrivedBeforeRestart = await arrivedCount(stack.couch, WARD_DATABASE, sent);
		const arrivals = await settle(sent, [phone]);
		proxy.setPlan(PASS_THROUGH);
		report(`PouchDB Server restarted after ${arrivedBeforeRestart} had arrived`, arrivals, started);

		expect(arrivedBeforeRestart).toBeLessThan(sent.length);
		expectExactlyOnce(arrivals);
		await expectStampedOnDevice(phone, sent);
	});

	it('gets the stamp when the changes feed brings it before the push is answered', async () => {
		phone.goOffline();
		const sent = await declareMany(phone.db, 20, 'faults/slow-answer');
		proxy.setPlan((request) =>
			request.url.includes('/_bulk_docs') && request.body.includes('declaration:')
				? { answer: 'pass', answerDelayMs: 1_500 }
				: { answer: 'pass' }
		);
		proxy.resetCounts();
		const started = performance.now();
		phone.goOnline();
		const arrivals = await settle(sent, [phone]);
		proxy.setPlan(PASS_THROUGH);
		report('Push answers 1.5 s late', arrivals, started, proxy.counts());

		expectExactlyOnce(arrivals);
		await expectStampedOnDevice(phone, sent);
	});

	it('completes over a slow link, seconds per request', async () => {
		phone.goOffline();
		const sent = await declareMany(phone.db, 30, 'faults/slow-link');
		proxy.setPlan(seededFaults({ seed: 7, cut: 0, fail: 0, delay: 1, delayMs: [1_000, 3_000] }));
		proxy.resetCounts();
		const started = performance.now();
		phone.goOnline();
		const arrivals = await settle(sent, [phone]);
		const faults = proxy.counts();
		proxy.setPlan(PASS_THROUGH);
		report('Slow link (every request 1-3 s late)', arrivals, started, faults);

		expectExactlyOnce(arrivals);
		expect(faults.delayed).toBe(faults.requests);
		await expectStampedOnDevice(phone, sent);
	});
});
