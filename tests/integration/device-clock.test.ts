// Devices whose clocks are days wrong, through the real gateway: one phone 5 days ahead, one
// desk 3 days behind, declaring for the same person one after the other. The server's stamp
// (its own clock) is what orders them and what progress counts by; the device's time is only
// recorded, as it wrote it. Needs `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDeclaration } from '../../src/lib/db/record-writes';
import {
	vietnamDay,
	type Declaration,
	type HouseholdProgress,
	type Person,
	type UnitProgress
} from '../../src/lib/domain';
import { signIn, startDevice, until, type Device } from '../support/device';
import { shiftDeviceClock } from '../support/device-clock';
import { startStack, type Stack } from '../support/stack';

const GROUP = '26956-01';
const DAY_MS = 24 * 60 * 60 * 1000;
const AHEAD_MS = 5 * DAY_MS;
const BEHIND_MS = -3 * DAY_MS;

let stack: Stack;
let phone: Device;
let desk: Device;
let supervisorCookie: string;

beforeAll(async () => {
	stack = await startStack({ households: 30 });
	const retry = { firstMs: 100, maxMs: 1_000 };
	phone = await startDevice({
		appUrl: stack.appUrl,
		username: 'ctv-demo',
		deviceId: 'clock-ahead-phone',
		retry
	});
	desk = await startDevice({
		appUrl: stack.appUrl,
		username: 'ward-demo',
		deviceId: 'clock-behind-desk',
		retry
	});
	await Promise.all([phone.sync.awaitInSync(), desk.sync.awaitInSync()]);
	({ cookie: supervisorCookie } = await signIn(stack.appUrl, 'ward-demo', 'clock-supervisor'));
});
afterAll(async () => {
	await phone?.stop();
	await desk?.stop();
	await stack?.stop();
});

async function api<T>(path: string): Promise<T> {
	const response = await fetch(stack.appUrl + path, { headers: { cookie: supervisorCookie } });
	expect(response.status, path).toBe(200);
	return (await response.json()) as T;
}

/** Declares on the device with its clock `offsetMs` off, until the server's stamp is back. */
async function declareWithClock(
	device: Device,
	person: Person,
	offsetMs: number
): Promise<Declaration> {
	const restore = shiftDeviceClock(offsetMs);
	try {
		const added = await addDeclaration(device.db, {
			person: person.id,
			role: 'collaborator',
			channel: 'door_to_door',
			consent: { given_by: person.id, mode: 'oral', text_version: 0 },
			health: { systolic: 118, diastolic: 76, notes: `clock ${offsetMs / DAY_MS} days` }
		});
		if (!added.ok) throw new Error(JSON.stringify(added.problems));
		await until(
			async () =>
				(await device.db.rx.declarations.findOne(added.record.id).exec())?.stamp !== undefined,
			'the stamp back on the device'
		);
		return (
			await device.db.rx.declarations.findOne(added.record.id).exec()
		)?.toJSON() as Declaration;
	} finally {
		restore();
	}
}

function expectNear(iso: string | undefined, expected: number, what: string) {
	expect(Math.abs(Date.parse(iso ?? '') - expected), what).toBeLessThan(60_000);
}

describe('a device clock days wrong', () => {
	it('records the device time and orders and counts by the server stamp', async () => {
		const person = (
			await phone.db.rx.persons.findOne({ selector: { group: GROUP } }).exec()
		)?.toJSON() as Person;
		const before = await api<UnitProgress>(`/api/progress?unit=${GROUP}`);

		const startedAt = Date.now();
		const ahead = await declareWithClock(phone, person, AHEAD_MS);
		const behind = await declareWithClock(desk, person, BEHIND_MS);
		const endedAt = Date.now();

		// What each device wrote is kept as written.
		expectNear(ahead.declared_at, startedAt + AHEAD_MS, 'declared_at 5 days ahead');
		expectNear(ahead.audit.created_at, startedAt + AHEAD_MS, 'audit 5 days ahead');
		expectNear(behind.declared_at, startedAt + BEHIND_MS, 'declared_at 3 days behind');
		// The stamps are the server's clock, in the order the declarations arrived.
		for (const stamp of [ahead.stamp?.at, behind.stamp?.at]) {
			expect(Date.parse(stamp ?? '')).toBeGreaterThanOrEqual(startedAt - 1_000);
			expect(Date.parse(stamp ?? '')).toBeLessThanOrEqual(endedAt + 1_000);
		}
		expect(Date.parse(ahead.stamp?.at ?? '')).toBeLessThan(Date.parse(behind.stamp?.at ?? ''));
		for (const declaration of [ahead, behind]) {
			const onServer = await stack.couch.getDoc<Declaration>('ward_26956', declaration.id);
			expect(onServer?.declared_at).toBe(declaration.declared_at);
			expect(onServer?.stamp).toEqual(declaration.stamp);
		}

		// Progress counts both today, by the server's day, and the later arrival is the latest.
		const after = await api<UnitProgress>(`/api/progress?unit=${GROUP}`);
		expect(after.counts.last_7_days.door_to_door).toBe(before.counts.last_7_days.door_to_door + 2);
		const today = vietnamDay(new Date(endedAt));
		const todayOf = (progress: UnitProgress) =>
			progress.trend.find((daily) => daily.day === today)?.door_to_door ?? 0;
		expect(todayOf(after)).toBe(todayOf(before) + 2);
		const households = await api<HouseholdProgress[] | { households: HouseholdProgress[] }>(
			`/api/progress/households?group=${GROUP}`
		);
		const rows = Array.isArray(households) ? households : households.households;
		const row = rows.find((candidate) => candidate.household === person.household);
		expect(row?.last_declared_at).toBe(behind.stamp?.at);
	});
});
