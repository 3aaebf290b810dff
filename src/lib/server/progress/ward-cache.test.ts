import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink, type LogSink } from '../log';
import { fakeCouch, fakeWard, type FakeCouch } from './fake-couch.test-support';
import { MIN_RECOMPUTE_MS, WardProgressCache } from './ward-cache';
import { CHANGES_LIMIT } from './ward-reading';
import { keepWarm, warmAllWards } from './warm';

const WARD = '26956';
const AT = '2026-05-20T03:00:00.000Z';

function setUp(couch: FakeCouch, code: string = WARD): void {
	const ward = fakeWard();
	ward.households = [{ key: `${code}-01`, value: 2 }];
	ward.persons = [{ key: `${code}-01`, value: 5 }];
	ward.declarations = [{ key: [`${code}-01`, 'household:1', 'person:1'], value: [AT, 0, 'qr'] }];
	couch.wards.set(code, ward);
}

async function until(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + 5_000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not met in 5 s');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

function viewReads(couch: FakeCouch): string[] {
	return couch.requests
		.filter((path) => path.includes('/_view/'))
		.map((path) => path.split('/').at(-1) ?? '');
}

let lines: string[] = [];
let previousSink: LogSink;
beforeEach(() => {
	lines = [];
	previousSink = setLogSink((line) => lines.push(line));
});
afterEach(() => {
	setLogSink(previousSink);
});

describe('the per-ward progress cache', () => {
	let couch: FakeCouch;
	let now: number;
	let cache: WardProgressCache;

	beforeEach(() => {
		couch = fakeCouch();
		setUp(couch);
		now = Date.parse('2026-05-31T03:00:00Z');
		cache = new WardProgressCache(couch.client, () => new Date(now));
	});

	it('reads a ward once, and shares the read between concurrent requests', async () => {
		const [a, b] = await Promise.all([cache.get(WARD, 6), cache.get(WARD, 6)]);
		expect(a.groups.get(`${WARD}-01`)?.persons_declared).toBe(1);
		expect(b.groups).toEqual(a.groups);
		expect(viewReads(couch).sort()).toEqual([
			'households_by_group',
			'latest_declaration_by_member',
			'persons_by_group'
		]);
		expect(lines.some((line) => line.includes('"event":"progress.ward_read"'))).toBe(true);
	});

	it('checks the update_seq no more than once in MIN_RECOMPUTE_MS, and reads nothing when it is the same', async () => {
		await cache.get(WARD, 6);
		couch.requests.length = 0;
		await cache.get(WARD, 6);
		expect(couch.requests).toEqual([]);
		now += MIN_RECOMPUTE_MS;
		await cache.get(WARD, 6);
		expect(couch.requests).toEqual([`ward_${WARD}`]);
	});

	it('follows the clock without reading again: the person turns overdue', async () => {
		expect((await cache.get(WARD, 6)).groups.get(`${WARD}-01`)?.up_to_date).toBe(1);
		couch.requests.length = 0;
		now = Date.parse('2026-11-21T00:00:00Z');
		const later = await cache.get(WARD, 6);
		expect(later.groups.get(`${WARD}-01`)).toMatchObject({ up_to_date: 0, overdue: 1 });
		expect(viewReads(couch)).toEqual([]);
		// A shorter cadence set on the ward counts at once.
		now = Date.parse('2026-08-21T00:00:00Z');
		expect((await cache.get(WARD, 3)).groups.get(`${WARD}-01`)?.overdue).toBe(1);
	});

	it('reads again only the views the changed records feed', async () => {
		await cache.get(WARD, 6);
		const ward = couch.wards.get(WARD);
		ward?.declarations.push({
			key: [`${WARD}-01`, 'household:1', 'person:2'],
			value: [AT, 0, 'door_to_door']
		});
		couch.change(WARD, 'declaration:00000000-0000-4000-8000-000000000001');
		couch.change(WARD, 'device_status:phone-1:ctv-demo');
		couch.requests.length = 0;
		now += MIN_RECOMPUTE_MS;
		const progress = await cache.get(WARD, 6);
		expect(viewReads(couch)).toEqual(['latest_declaration_by_member']);
		expect(progress.groups.get(`${WARD}-01`)).toMatchObject({ persons: 5, persons_declared: 2 });

		couch.change(WARD, 'device_status:phone-1:ctv-demo');
		couch.requests.length = 0;
		now += MIN_RECOMPUTE_MS;
		await cache.get(WARD, 6);
		expect(viewReads(couch)).toEqual([]);
		expect(couch.requests).toEqual([`ward_${WARD}`, `ward_${WARD}/_changes`]);

		couch.change(WARD, 'person:00000000-0000-4000-8000-000000000002');
		couch.change(WARD, 'household:00000000-0000-4000-8000-000000000003');
		couch.requests.length = 0;
		now += MIN_RECOMPUTE_MS;
		await cache.get(WARD, 6);
		expect(viewReads(couch).sort()).toEqual(['households_by_group', 'persons_by_group']);
	});

	it('reads everything again after a design document or too many changes', async () => {
		await cache.get(WARD, 6);
		couch.change(WARD, '_design/progress');
		couch.requests.length = 0;
		now += MIN_RECOMPUTE_MS;
		await cache.get(WARD, 6);
		expect(viewReads(couch)).toHaveLength(3);

		for (let index = 0; index < CHANGES_LIMIT; index++)
			couch.change(WARD, `device_status:p${index}:u`);
		couch.requests.length = 0;
		now += MIN_RECOMPUTE_MS;
		await cache.get(WARD, 6);
		expect(viewReads(couch)).toHaveLength(3);
	});

	it('lets a view over many wards take the last reading while the check runs', async () => {
		await cache.get(WARD, 6);
		const ward = couch.wards.get(WARD);
		ward?.declarations.push({
			key: [`${WARD}-01`, 'household:1', 'person:2'],
			value: [AT, 0, 'door_to_door']
		});
		couch.change(WARD, 'declaration:00000000-0000-4000-8000-000000000001');
		cache.forget(WARD);
		couch.requests.length = 0;
		// Answered from memory before CouchDB is asked anything; the check starts meanwhile.
		const stale = await cache.get(WARD, 6, { allowStale: true });
		expect(stale.groups.get(`${WARD}-01`)?.persons_declared).toBe(1);
		// The next caller waiting for fresh numbers shares that check and sees the write.
		const fresh = await cache.get(WARD, 6);
		expect(fresh.groups.get(`${WARD}-01`)?.persons_declared).toBe(2);
		expect(viewReads(couch)).toEqual(['latest_declaration_by_member']);
		// And once it is done, the stale path serves the new reading.
		const after = await cache.get(WARD, 6, { allowStale: true });
		expect(after.groups.get(`${WARD}-01`)?.persons_declared).toBe(2);
	});

	it('waits for the first reading of a ward even when stale numbers would do', async () => {
		const first = await cache.get(WARD, 6, { allowStale: true });
		expect(first.groups.get(`${WARD}-01`)?.persons).toBe(5);
	});

	it('checks at once after a write through this process', async () => {
		await cache.get(WARD, 6);
		couch.change(WARD, 'declaration:00000000-0000-4000-8000-000000000001');
		cache.forget(WARD);
		couch.requests.length = 0;
		await cache.get(WARD, 6);
		expect(viewReads(couch)).toEqual(['latest_declaration_by_member']);
	});

	it('keeps the last reading when a check fails, and forgets a failed first read', async () => {
		const first = await cache.get(WARD, 6);
		couch.failing.on = true;
		now += MIN_RECOMPUTE_MS;
		await expect(cache.get(WARD, 6)).rejects.toThrow(/down/);
		couch.failing.on = false;
		couch.requests.length = 0;
		expect((await cache.get(WARD, 6)).groups).toEqual(first.groups);
		expect(couch.requests).toEqual([`ward_${WARD}`]);

		setUp(couch, '27043');
		couch.failing.on = true;
		await expect(cache.get('27043', 6)).rejects.toThrow(/down/);
		couch.failing.on = false;
		expect((await cache.get('27043', 6)).groups.get('27043-01')?.households).toBe(2);
		expect(cache.wards().sort()).toEqual(['26956', '27043']);
	});
});

describe('keeping the cache warm', () => {
	function unit(code: string, level: string, path: string[]) {
		return {
			_id: `org:${code}`,
			code,
			type: 'org_unit',
			level,
			name: code,
			parent: path.at(-2) ?? null,
			path,
			cadence_months: 6,
			hotline: '1900 0000'
		};
	}

	it('reads every ward of the tree at start, then checks the wards held while in use', async () => {
		const couch = fakeCouch();
		setUp(couch, '26956');
		setUp(couch, '26734');
		couch.orgUnits.push(
			unit('79', 'city', ['79']),
			unit('765', 'district', ['79', '765']),
			unit('26956', 'ward', ['79', '765', '26956']),
			unit('26956-01', 'group', ['79', '765', '26956', '26956-01']),
			unit('26734', 'ward', ['79', '26734'])
		);
		let now = Date.parse('2026-05-31T03:00:00Z');
		const cache = new WardProgressCache(couch.client, () => new Date(now));
		expect(await warmAllWards(couch.client, cache)).toBe(2);
		expect(cache.wards().sort()).toEqual(['26734', '26956']);
		expect(lines.some((line) => line.includes('"event":"progress.warmed"'))).toBe(true);

		couch.change('26734', 'declaration:00000000-0000-4000-8000-000000000001');
		couch.requests.length = 0;
		now += 1_000;
		const stop = keepWarm(cache, 5, 60_000);
		await until(() => viewReads(couch).length > 0);
		expect(viewReads(couch)).toEqual(['latest_declaration_by_member']);
		// The re-read happened in the background: a request now reads nothing.
		couch.requests.length = 0;
		await cache.get('26734', 6);
		expect(viewReads(couch)).toEqual([]);

		// Unused for longer than the idle bound: no more checks.
		now += 120_000;
		await new Promise((resolve) => setTimeout(resolve, 20));
		couch.requests.length = 0;
		await new Promise((resolve) => setTimeout(resolve, 30));
		stop();
		expect(couch.requests).toEqual([]);
	});
});
