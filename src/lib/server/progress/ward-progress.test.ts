import { describe, expect, it } from 'vitest';
import {
	emptyCounts,
	isUpToDate,
	lastDays,
	TREND_DAYS,
	vietnamDay,
	type DailyDeclarations,
	type ProgressCounts
} from '$lib/domain';
import type { DeclarationRow } from './fake-couch.test-support';
import { countUpToDate, evaluateWard, type WardProgress } from './ward-progress';
import { countsFromRows, declarationsFromRows, type WardReading } from './ward-reading';

/** The per-person rule, row by row, as the progress API has always counted. */
function countedRowByRow(
	households: { key: string; value: number }[],
	persons: { key: string; value: number }[],
	rows: DeclarationRow[],
	cadence: number,
	now: Date
): WardProgress {
	const groups = new Map<string, ProgressCounts>();
	const countsOf = (group: string) => {
		let counts = groups.get(group);
		if (!counts) groups.set(group, (counts = emptyCounts()));
		return counts;
	};
	for (const row of households) countsOf(row.key).households = row.value;
	for (const row of persons) countsOf(row.key).persons = row.value;
	const days = lastDays(now, TREND_DAYS);
	const trends = new Map<string, Map<string, DailyDeclarations>>();
	const latestOf = new Map<
		string,
		Map<string, { at: string; cw: boolean; ch: string; h: string }>
	>();
	for (const { key, value } of rows) {
		const [group, household, person] = key;
		const [at, cw, channel] = value;
		const day = vietnamDay(new Date(at));
		if ((channel === 'qr' || channel === 'door_to_door') && days.includes(day)) {
			countsOf(group).last_30_days[channel] += 1;
			if (days.slice(-7).includes(day)) countsOf(group).last_7_days[channel] += 1;
			const trend = trends.get(group) ?? new Map<string, DailyDeclarations>();
			trends.set(group, trend);
			const daily = trend.get(day) ?? { day, qr: 0, door_to_door: 0 };
			daily[channel] += 1;
			trend.set(day, daily);
		}
		const latest = latestOf.get(group) ?? new Map();
		latestOf.set(group, latest);
		const known = latest.get(person);
		if (!known || at > known.at)
			latest.set(person, { at, cw: cw === 1, ch: channel, h: household });
	}
	for (const [group, latest] of latestOf) {
		const counts = countsOf(group);
		const declared = new Set<string>();
		for (const person of latest.values()) {
			counts.persons_declared += 1;
			declared.add(person.h);
			if (person.ch === 'qr' || person.ch === 'door_to_door')
				counts.declared_by_channel[person.ch] += 1;
			if (isUpToDate(person.at, cadence, person.cw, now)) counts.up_to_date += 1;
			else counts.overdue += 1;
		}
		counts.households_declared = declared.size;
	}
	const fill = (code: string) =>
		days.map((day) => trends.get(code)?.get(day) ?? { day, qr: 0, door_to_door: 0 });
	return {
		ward: '26956',
		groups,
		trend: days.map((day, index) => {
			const total = { day, qr: 0, door_to_door: 0 };
			for (const code of groups.keys()) {
				total.qr += fill(code)[index].qr;
				total.door_to_door += fill(code)[index].door_to_door;
			}
			return total;
		}),
		groupTrends: new Map([...groups.keys()].map((code) => [code, fill(code)]))
	};
}

function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1664525 + 1013904223) % 4294967296;
		return state / 4294967296;
	};
}

const NOW = new Date('2026-05-31T16:30:00.000Z');
const DAY_MS = 86_400_000;

function someRows(seed: number): DeclarationRow[] {
	const next = random(seed);
	const rows: DeclarationRow[] = [];
	for (let person = 0; person < 400; person++) {
		const group = `26956-0${1 + Math.floor(next() * 3)}`;
		const household = `household:${Math.floor(person / 4)}`;
		const count = Math.floor(next() * 4);
		for (let index = 0; index < count; index++) {
			// Month ends, exact ties and the last days before NOW come up often.
			const daysAgo = next() < 0.3 ? Math.floor(next() * 35) : Math.floor(next() * 420);
			const atMonthEnd = next() < 0.2;
			const instant = new Date(NOW.getTime() - daysAgo * DAY_MS - Math.floor(next() * DAY_MS));
			if (atMonthEnd) instant.setUTCDate(28 + Math.floor(next() * 4));
			const at = instant.toISOString();
			const channel = next() < 0.45 ? 'qr' : next() < 0.95 ? 'door_to_door' : 'other';
			rows.push({
				key: [group, household, `person:${person}`],
				value: [at, next() < 0.2 ? 1 : 0, channel]
			});
			if (next() < 0.1)
				rows.push({ key: [group, household, `person:${person}`], value: [at, 1, 'qr'] });
		}
	}
	return rows.sort((a, b) => a.key.join().localeCompare(b.key.join()));
}

function reading(
	households: { key: string; value: number }[],
	persons: { key: string; value: number }[],
	rows: DeclarationRow[]
): WardReading {
	return {
		ward: '26956',
		seq: 1,
		households: countsFromRows(households),
		persons: countsFromRows(persons),
		declarations: declarationsFromRows(rows)
	};
}

describe('a ward’s progress from its reading', () => {
	const households = [
		{ key: '26956-01', value: 40 },
		{ key: '26956-02', value: 35 },
		{ key: '26956-04', value: 3 }
	];
	const persons = [
		{ key: '26956-01', value: 150 },
		{ key: '26956-02', value: 140 },
		{ key: '26956-03', value: 120 }
	];

	it('counts as the per-person rule does, at any later moment and cadence', () => {
		const seen = emptyCounts();
		for (const seed of [1, 2, 3]) {
			const rows = someRows(seed);
			const read = reading(households, persons, rows);
			for (const daysLater of [0, 1, 17, 45, 200]) {
				for (const cadence of [3, 6]) {
					const now = new Date(NOW.getTime() + daysLater * DAY_MS);
					const expected = countedRowByRow(households, persons, rows, cadence, now);
					const actual = evaluateWard(read, cadence, now);
					expect(actual.groups).toEqual(expected.groups);
					expect(actual.trend).toEqual(expected.trend);
					expect(actual.groupTrends).toEqual(expected.groupTrends);
					for (const counts of expected.groups.values()) {
						seen.up_to_date += counts.up_to_date;
						seen.overdue += counts.overdue;
						seen.last_7_days.qr += counts.last_7_days.qr;
					}
				}
			}
		}
		// Not a vacuous comparison: every kind of number came up.
		expect(seen.up_to_date).toBeGreaterThan(0);
		expect(seen.overdue).toBeGreaterThan(0);
		expect(seen.last_7_days.qr).toBeGreaterThan(0);
	});

	it('finds who is up to date by the same rule as one person at a time', () => {
		const next = random(9);
		const instants = Array.from({ length: 2000 }, () => {
			const instant = new Date(NOW.getTime() - Math.floor(next() * 400) * DAY_MS);
			if (next() < 0.3) instant.setUTCDate(29 + Math.floor(next() * 3));
			return instant.getTime();
		});
		const sorted = Float64Array.from(instants).sort();
		for (const now of [
			NOW,
			new Date('2027-02-28T23:59:59.999Z'),
			new Date('2028-02-29T00:00:00Z')
		]) {
			for (const isCloseWatch of [false, true]) {
				const expected = instants.filter((at) =>
					isUpToDate(new Date(at).toISOString(), 6, isCloseWatch, now)
				).length;
				expect(countUpToDate(sorted, 6, isCloseWatch, now)).toBe(expected);
			}
		}
		expect(countUpToDate(new Float64Array(), 6, false, NOW)).toBe(0);
	});

	it('gives a ward without declarations its counts and empty days', () => {
		const progress = evaluateWard(reading(households, persons, []), 6, NOW);
		expect(progress.groups.get('26956-03')).toEqual({ ...emptyCounts(), persons: 120 });
		expect(progress.trend).toHaveLength(TREND_DAYS);
		expect(
			progress.groupTrends.get('26956-04')?.every((day) => day.qr + day.door_to_door === 0)
		).toBe(true);
	});
});
