// One ward's progress, per neighbourhood group, read from the ward database's views (counts
// and one row per declaration, never a document). PouchDB Server reduces at query time, so
// the latest declaration of each person is kept here from the map rows rather than asked of
// the view's reduce; the result is the same on CouchDB.

import {
	emptyCounts,
	isUpToDate,
	lastDays,
	TREND_DAYS,
	vietnamDay,
	wardDatabaseName,
	type Channel,
	type DailyDeclarations,
	type ProgressCounts
} from '$lib/domain';
import { PROGRESS_DESIGN, PROGRESS_VIEWS } from '../../../../couch/design/documents';
import type { CouchClient } from '../couch/client';

export type WardProgress = {
	ward: string;
	/** Per group code. */
	groups: Map<string, ProgressCounts>;
	/** The last TREND_DAYS days of the whole ward, oldest first. */
	trend: DailyDeclarations[];
	/** Per group, the same days. */
	groupTrends: Map<string, DailyDeclarations[]>;
};

type CountRow = { key: string; value: number };
type DeclarationRow = { key: [string, string, string]; value: [string, number, string] };

function viewPath(ward: string, view: string): string {
	return `${wardDatabaseName(ward)}/_design/${PROGRESS_DESIGN}/_view/${view}`;
}

function isChannel(value: string): value is Channel {
	return value === 'qr' || value === 'door_to_door';
}

type Latest = { at: string; isCloseWatch: boolean; channel: string; household: string };

export async function readWardProgress(
	client: CouchClient,
	ward: string,
	cadenceMonths: number,
	now: Date
): Promise<WardProgress> {
	const [households, persons, declarations] = await Promise.all([
		client.json<{ rows: CountRow[] }>(viewPath(ward, PROGRESS_VIEWS.households), {
			query: { group: true }
		}),
		client.json<{ rows: CountRow[] }>(viewPath(ward, PROGRESS_VIEWS.persons), {
			query: { group: true }
		}),
		client.json<{ rows: DeclarationRow[] }>(viewPath(ward, PROGRESS_VIEWS.latestDeclaration), {
			query: { reduce: false }
		})
	]);
	const groups = new Map<string, ProgressCounts>();
	const countsOf = (group: string) => {
		let counts = groups.get(group);
		if (!counts) groups.set(group, (counts = emptyCounts()));
		return counts;
	};
	for (const row of households.rows) countsOf(row.key).households = row.value;
	for (const row of persons.rows) countsOf(row.key).persons = row.value;

	const days = lastDays(now, TREND_DAYS);
	const week = new Set(days.slice(-7));
	const month = new Set(days);
	const groupTrends = new Map<string, Map<string, DailyDeclarations>>();
	const latestByGroup = new Map<string, Map<string, Latest>>();
	for (const { key, value } of declarations.rows) {
		const [group, household, person] = key;
		const [at, closeWatch, channel] = value;
		const day = vietnamDay(new Date(at));
		if (isChannel(channel) && month.has(day)) {
			const counts = countsOf(group);
			counts.last_30_days[channel] += 1;
			if (week.has(day)) counts.last_7_days[channel] += 1;
			let trend = groupTrends.get(group);
			if (!trend) groupTrends.set(group, (trend = new Map()));
			const daily = trend.get(day) ?? { day, qr: 0, door_to_door: 0 };
			daily[channel] += 1;
			trend.set(day, daily);
		}
		let latest = latestByGroup.get(group);
		if (!latest) latestByGroup.set(group, (latest = new Map()));
		const known = latest.get(person);
		if (!known || at > known.at) {
			latest.set(person, { at, isCloseWatch: closeWatch === 1, channel, household });
		}
	}
	for (const [group, latest] of latestByGroup) {
		const counts = countsOf(group);
		const declaredHouseholds = new Set<string>();
		for (const person of latest.values()) {
			counts.persons_declared += 1;
			declaredHouseholds.add(person.household);
			if (isChannel(person.channel)) counts.declared_by_channel[person.channel] += 1;
			if (isUpToDate(person.at, cadenceMonths, person.isCloseWatch, now)) counts.up_to_date += 1;
			else counts.overdue += 1;
		}
		counts.households_declared = declaredHouseholds.size;
	}
	const fill = (byDay: Map<string, DailyDeclarations> | undefined) =>
		days.map((day) => byDay?.get(day) ?? { day, qr: 0, door_to_door: 0 });
	const trendsByGroup = new Map(
		[...groups.keys()].map((group) => [group, fill(groupTrends.get(group))])
	);
	const wardTrend = days.map((day) => {
		const total = { day, qr: 0, door_to_door: 0 };
		for (const trend of groupTrends.values()) {
			const daily = trend.get(day);
			if (daily) {
				total.qr += daily.qr;
				total.door_to_door += daily.door_to_door;
			}
		}
		return total;
	});
	return { ward, groups, trend: wardTrend, groupTrends: trendsByGroup };
}
