// One ward's progress per neighbourhood group at a given moment, computed from its reading
// (ward-reading.ts) without touching CouchDB: who is up to date moves with the clock alone,
// so the same reading serves every later moment until the ward changes.

import {
	emptyCounts,
	isUpToDate,
	lastDays,
	TREND_DAYS,
	type DailyDeclarations,
	type ProgressCounts
} from '$lib/domain';
import type { WardReading } from './ward-reading';

export type WardProgress = {
	ward: string;
	/** Per group code. */
	groups: Map<string, ProgressCounts>;
	/** The last TREND_DAYS days of the whole ward, oldest first. */
	trend: DailyDeclarations[];
	/** Per group, the same days. */
	groupTrends: Map<string, DailyDeclarations[]>;
};

/**
 * How many of the ascending instants are still up to date at `now`. The latest moment a
 * declaration stays valid (`addMonths`) never goes back as the declaration gets later, so
 * those up to date are the tail of the list: a binary search finds where it starts.
 */
export function countUpToDate(
	instants: Float64Array,
	cadenceMonths: number,
	isCloseWatch: boolean,
	now: Date
): number {
	let low = 0;
	let high = instants.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		const at = new Date(instants[middle]).toISOString();
		if (isUpToDate(at, cadenceMonths, isCloseWatch, now)) high = middle;
		else low = middle + 1;
	}
	return instants.length - low;
}

export function evaluateWard(reading: WardReading, cadenceMonths: number, now: Date): WardProgress {
	const groups = new Map<string, ProgressCounts>();
	const countsOf = (group: string) => {
		let counts = groups.get(group);
		if (!counts) groups.set(group, (counts = emptyCounts()));
		return counts;
	};
	for (const [group, households] of reading.households) countsOf(group).households = households;
	for (const [group, persons] of reading.persons) countsOf(group).persons = persons;

	const days = lastDays(now, TREND_DAYS);
	const groupTrends = new Map<string, DailyDeclarations[]>();
	for (const [group, declarations] of reading.declarations) {
		const counts = countsOf(group);
		const trend = days.map((day) => ({
			day,
			qr: declarations.byDay.get(day)?.qr ?? 0,
			door_to_door: declarations.byDay.get(day)?.door_to_door ?? 0
		}));
		groupTrends.set(group, trend);
		trend.forEach((daily, index) => {
			counts.last_30_days.qr += daily.qr;
			counts.last_30_days.door_to_door += daily.door_to_door;
			if (index >= trend.length - 7) {
				counts.last_7_days.qr += daily.qr;
				counts.last_7_days.door_to_door += daily.door_to_door;
			}
		});
		counts.persons_declared = declarations.persons_declared;
		counts.households_declared = declarations.households_declared;
		counts.declared_by_channel = { ...declarations.declared_by_channel };
		counts.up_to_date =
			countUpToDate(declarations.latest.regular, cadenceMonths, false, now) +
			countUpToDate(declarations.latest.closeWatch, cadenceMonths, true, now);
		counts.overdue = counts.persons_declared - counts.up_to_date;
	}
	const trendsByGroup = new Map(
		[...groups.keys()].map((group) => [
			group,
			groupTrends.get(group) ?? days.map((day) => ({ day, qr: 0, door_to_door: 0 }))
		])
	);
	const wardTrend = days.map((day, index) => {
		const total = { day, qr: 0, door_to_door: 0 };
		for (const trend of groupTrends.values()) {
			total.qr += trend[index].qr;
			total.door_to_door += trend[index].door_to_door;
		}
		return total;
	});
	return { ward: reading.ward, groups, trend: wardTrend, groupTrends: trendsByGroup };
}
