// Progress from group to city against the real embedded server: three wards (two in two
// districts, as in 2021, and one straight under the city, as since 2025), and the numbers the
// API rolls up from the views equal the numbers counted here from the documents themselves,
// at every level. Out-of-scope requests are refused. Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provision } from '../../couch/provision';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { relocatedWard } from '../../couch/seed/relocate';
import { demoWard, toCouchDoc } from '../../couch/seed/seed-demo';
import {
	countedAt,
	emptyCounts,
	isUpToDate,
	lastDays,
	orgUnitDocId,
	sumCounts,
	TREND_DAYS,
	vietnamDay,
	wardDatabaseName,
	type Declaration,
	type OrgUnit,
	type ProgressCounts,
	type WardRecord
} from '../../src/lib/domain';
import { startStack, type Stack } from '../support/stack';

const CITY = '79';
const DEMO_WARD = '26956';
const OTHER_DISTRICT = '768';
const OTHER_WARD = '27043';
const CITY_WARD = '26734';
const GROUPS = 12;

let stack: Stack;
const recordsOf = new Map<string, WardRecord[]>();

function unit(code: string, level: OrgUnit['level'], name: string, path: string[]): OrgUnit {
	return {
		code,
		type: 'org_unit',
		level,
		name,
		parent: path.length > 1 ? path[path.length - 2] : null,
		path,
		cadence_months: 6,
		hotline: '1900 0000'
	};
}

async function addWard(code: string, path: string[], households: number): Promise<void> {
	const units = [
		unit(code, 'ward', `Phường ${code}`, path),
		...Array.from({ length: GROUPS }, (_, index) => {
			const group = `${code}-${String(index + 1).padStart(2, '0')}`;
			return unit(group, 'group', `Tổ ${index + 1}`, [...path, group]);
		})
	];
	await stack.couch.json('hssk_org/_bulk_docs', {
		method: 'POST',
		body: { docs: units.map((orgUnit) => ({ _id: orgUnitDocId(orgUnit.code), ...orgUnit })) }
	});
	await provision(stack.couch, [code]);
	const ward = relocatedWard(demoWard({ households }), code);
	const records = [
		...ward.households,
		...ward.persons,
		...ward.declarations,
		...ward.device_statuses
	];
	await stack.couch.json(`${wardDatabaseName(code)}/_bulk_docs`, {
		method: 'POST',
		body: { docs: records.map(toCouchDoc) }
	});
}

async function readRecords(ward: string): Promise<WardRecord[]> {
	const { rows } = await stack.couch.json<{ rows: { doc: Record<string, unknown> }[] }>(
		`${wardDatabaseName(ward)}/_all_docs`,
		{ query: { include_docs: true } }
	);
	return rows
		.map((row) => row.doc)
		.filter((doc) => !String(doc._id).startsWith('_'))
		.map((doc) => ({ ...doc, id: doc._id }) as unknown as WardRecord);
}

/** The counts of one group, from the documents, by the definitions in docs/architecture.md. */
function countedFromDocuments(records: WardRecord[], group: string, now: Date): ProgressCounts {
	const counts = emptyCounts();
	const inGroup = records.filter((record) => 'group' in record && record.group === group);
	counts.households = inGroup.filter((record) => record.type === 'household').length;
	counts.persons = inGroup.filter((record) => record.type === 'person').length;
	const declarations = inGroup.filter(
		(record): record is Declaration => record.type === 'declaration' && !record.corrects
	);
	const days = lastDays(now, TREND_DAYS);
	const latest = new Map<string, Declaration>();
	for (const declaration of declarations) {
		const day = vietnamDay(new Date(countedAt(declaration)));
		if (days.includes(day)) counts.last_30_days[declaration.channel] += 1;
		if (days.slice(-7).includes(day)) counts.last_7_days[declaration.channel] += 1;
		const known = latest.get(declaration.person);
		if (!known || countedAt(declaration) > countedAt(known)) {
			latest.set(declaration.person, declaration);
		}
	}
	const households = new Set<string>();
	for (const declaration of latest.values()) {
		counts.persons_declared += 1;
		households.add(declaration.household);
		counts.declared_by_channel[declaration.channel] += 1;
		const isCloseWatch =
			declaration.health.pregnant === true ||
			(declaration.health.chronic_conditions?.length ?? 0) > 0;
		if (isUpToDate(countedAt(declaration), 6, isCloseWatch, now)) counts.up_to_date += 1;
		else counts.overdue += 1;
	}
	counts.households_declared = households.size;
	return counts;
}

function groupsOf(ward: string): string[] {
	return Array.from(
		{ length: GROUPS },
		(_, index) => `${ward}-${String(index + 1).padStart(2, '0')}`
	);
}

function wardCounts(ward: string, now: Date): ProgressCounts {
	const records = recordsOf.get(ward) ?? [];
	return sumCounts(groupsOf(ward).map((group) => countedFromDocuments(records, group, now)));
}

async function cookieOf(username: string): Promise<string> {
	const response = await fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: 'office-pc-0001' })
	});
	expect(response.status).toBe(200);
	return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

type UnitAnswer = {
	unit: { code: string; level: string };
	lineage: { code: string }[];
	counts: ProgressCounts;
	trend: { day: string; qr: number; door_to_door: number }[];
	children: { code: string; level: string; counts: ProgressCounts }[];
};

async function progressOf(cookie: string, code: string): Promise<UnitAnswer> {
	const response = await fetch(`${stack.appUrl}/api/progress?unit=${code}`, {
		headers: { cookie }
	});
	expect(response.status, code).toBe(200);
	return (await response.json()) as UnitAnswer;
}

beforeAll(async () => {
	stack = await startStack({ households: 40 });
	await stack.couch.json(`hssk_org/${encodeURIComponent(orgUnitDocId(OTHER_DISTRICT))}`, {
		method: 'PUT',
		body: unit(OTHER_DISTRICT, 'district', 'Quận Phú Nhuận', [CITY, OTHER_DISTRICT])
	});
	await addWard(OTHER_WARD, [CITY, OTHER_DISTRICT, OTHER_WARD], 30);
	await addWard(CITY_WARD, [CITY, CITY_WARD], 20);
	for (const ward of [DEMO_WARD, OTHER_WARD, CITY_WARD])
		recordsOf.set(ward, await readRecords(ward));
});

afterAll(async () => {
	await stack?.stop();
});

describe('progress rolled up through the org tree', () => {
	let city: string;

	beforeAll(async () => {
		city = await cookieOf('city-demo');
	});

	it('counts every group of a ward as its documents say', async () => {
		const now = new Date();
		const answer = await progressOf(city, DEMO_WARD);
		expect(answer.unit.level).toBe('ward');
		expect(answer.lineage.map((step) => step.code)).toEqual([CITY, '765', DEMO_WARD]);
		const records = recordsOf.get(DEMO_WARD) ?? [];
		expect(answer.children.map((child) => child.code)).toEqual(groupsOf(DEMO_WARD));
		for (const child of answer.children) {
			expect(child.counts, child.code).toEqual(countedFromDocuments(records, child.code, now));
		}
		expect(answer.counts).toEqual(wardCounts(DEMO_WARD, now));
		expect(answer.counts.persons_declared).toBeGreaterThan(0);
		expect(answer.counts.overdue + answer.counts.up_to_date).toBe(answer.counts.persons_declared);
	});

	it('adds wards up into districts and the city, old and new structures alike', async () => {
		const now = new Date();
		const answer = await progressOf(city, CITY);
		const byCode = new Map(answer.children.map((child) => [child.code, child]));
		expect([...byCode.keys()].sort()).toEqual(['765', OTHER_DISTRICT, CITY_WARD].sort());
		expect(byCode.get('765')?.counts).toEqual(wardCounts(DEMO_WARD, now));
		expect(byCode.get(OTHER_DISTRICT)?.counts).toEqual(wardCounts(OTHER_WARD, now));
		expect(byCode.get(CITY_WARD)?.level).toBe('ward');
		expect(byCode.get(CITY_WARD)?.counts).toEqual(wardCounts(CITY_WARD, now));
		expect(answer.counts).toEqual(
			sumCounts([DEMO_WARD, OTHER_WARD, CITY_WARD].map((ward) => wardCounts(ward, now)))
		);
		const district = await progressOf(city, OTHER_DISTRICT);
		expect(district.children.map((child) => child.code)).toEqual([OTHER_WARD]);
		expect(district.counts).toEqual(wardCounts(OTHER_WARD, now));
	});

	it('gives a group its counts and its declarations per day', async () => {
		const group = groupsOf(OTHER_WARD)[0];
		const answer = await progressOf(city, group);
		expect(answer.counts).toEqual(
			countedFromDocuments(recordsOf.get(OTHER_WARD) ?? [], group, new Date())
		);
		expect(answer.trend).toHaveLength(TREND_DAYS);
		const perDay = answer.trend.reduce((sum, day) => sum + day.qr + day.door_to_door, 0);
		expect(perDay).toBe(answer.counts.last_30_days.qr + answer.counts.last_30_days.door_to_door);
	});

	it('lists the households of a group with where each stands', async () => {
		const group = groupsOf(DEMO_WARD)[0];
		const response = await fetch(`${stack.appUrl}/api/progress/households?group=${group}`, {
			headers: { cookie: city }
		});
		expect(response.status).toBe(200);
		const { households } = (await response.json()) as {
			households: { household: string; persons: number; declared: number; overdue: number }[];
		};
		const records = recordsOf.get(DEMO_WARD) ?? [];
		const expected = records.filter(
			(record) => record.type === 'household' && record.group === group
		);
		expect(households.map((row) => row.household).sort()).toEqual(
			expected.map((record) => record.id).sort()
		);
		const counts = countedFromDocuments(records, group, new Date());
		expect(households.reduce((sum, row) => sum + row.persons, 0)).toBe(counts.persons);
		expect(households.reduce((sum, row) => sum + row.declared, 0)).toBe(counts.persons_declared);
		expect(households.reduce((sum, row) => sum + row.overdue, 0)).toBe(counts.overdue);
	});

	it('lists the collaborators and the devices that need attention', async () => {
		const ward = await cookieOf('ward-demo');
		const response = await fetch(`${stack.appUrl}/api/progress/devices?unit=${DEMO_WARD}`, {
			headers: { cookie: ward }
		});
		expect(response.status).toBe(200);
		const body = (await response.json()) as {
			collaborators: { username: string; needs_attention: boolean }[];
			other_devices: { user: string; is_stale: boolean; has_waiting: boolean }[];
		};
		expect(body.collaborators.map((collaborator) => collaborator.username).sort()).toEqual([
			'ctv-demo',
			'ctv-demo-2'
		]);
		// Neither demo collaborator has synced yet in this run: both need attention.
		expect(body.collaborators.every((collaborator) => collaborator.needs_attention)).toBe(true);
		expect(body.other_devices.length).toBe(GROUPS - 2);
		expect(body.other_devices.some((device) => device.is_stale && device.has_waiting)).toBe(true);
		expect(body.other_devices.some((device) => !device.is_stale && !device.has_waiting)).toBe(true);
	});

	it('says the embedded server reports no replication of its own, to the city only', async () => {
		const response = await fetch(`${stack.appUrl}/api/progress/replication`, {
			headers: { cookie: city }
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ available: false, tasks: [] });
		const ward = await cookieOf('ward-demo');
		const refused = await fetch(`${stack.appUrl}/api/progress/replication`, {
			headers: { cookie: ward }
		});
		expect(refused.status).toBe(403);
	});

	it('refuses a unit outside the caller’s own, and everyone who is not a supervisor', async () => {
		const ward = await cookieOf('ward-demo');
		for (const code of [CITY, OTHER_WARD, '765', groupsOf(OTHER_WARD)[0]]) {
			const response = await fetch(`${stack.appUrl}/api/progress?unit=${code}`, {
				headers: { cookie: ward }
			});
			expect(response.status, code).toBe(403);
			expect(((await response.json()) as { reason: string }).reason).toMatch(/đơn vị mình/);
		}
		expect((await progressOf(ward, DEMO_WARD)).unit.code).toBe(DEMO_WARD);
		const otherGroup = await fetch(
			`${stack.appUrl}/api/progress/households?group=${groupsOf(OTHER_WARD)[0]}`,
			{ headers: { cookie: ward } }
		);
		expect(otherGroup.status).toBe(403);
		const devices = await fetch(`${stack.appUrl}/api/progress/devices?unit=${CITY}`, {
			headers: { cookie: ward }
		});
		expect(devices.status).toBe(403);

		const collaborator = await cookieOf('ctv-demo');
		const mine = await fetch(`${stack.appUrl}/api/progress?unit=${groupsOf(DEMO_WARD)[0]}`, {
			headers: { cookie: collaborator }
		});
		expect(mine.status).toBe(403);
		expect((await fetch(`${stack.appUrl}/api/progress?unit=${CITY}`)).status).toBe(401);
	});
});
