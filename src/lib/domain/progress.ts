// What the declaration drive has reached in a unit (a group, a ward, a district, the city),
// counted the same way at every level so a parent's numbers are the sum of its children's.

import { cadenceFor } from './cadence';
import { addMonths } from './dates';
import type { CHANNELS } from './declaration';
import type { OrgLevel } from './org-unit';

export type Channel = (typeof CHANNELS)[number];
export type ByChannel = Record<Channel, number>;

export type ProgressCounts = {
	households: number;
	/** Households with at least one member declared. */
	households_declared: number;
	persons: number;
	/** People with at least one declaration. */
	persons_declared: number;
	/** Declared, and their latest declaration is within their cadence. */
	up_to_date: number;
	/** Declared, but their latest declaration is older than their cadence. */
	overdue: number;
	/** Declared people by the channel of their latest declaration. */
	declared_by_channel: ByChannel;
	/** Declarations made in the last 7 and 30 days (today included), by channel. */
	last_7_days: ByChannel;
	last_30_days: ByChannel;
};

/** Declarations per calendar day in Vietnam (`YYYY-MM-DD`), by channel. */
export type DailyDeclarations = { day: string; qr: number; door_to_door: number };

/** What the progress endpoints answer (docs/architecture.md, "Progress"). */
export type UnitRef = { code: string; name: string; level: OrgLevel };
export type UnitRow = UnitRef & { counts: ProgressCounts };

export type UnitProgress = {
	unit: UnitRef;
	/** Root first, the unit last: the drill-down's way back up. */
	lineage: UnitRef[];
	counts: ProgressCounts;
	trend: DailyDeclarations[];
	children: UnitRow[];
	cadence_months: number;
	computed_at: string;
};

export type HouseholdProgress = {
	household: string;
	house_number: string;
	street: string;
	head_name: string;
	persons: number;
	declared: number;
	up_to_date: number;
	overdue: number;
	/** Latest declaration of anyone in the household (UTC), if any. */
	last_declared_at: string | null;
};

export type DeviceReport = {
	ward: string;
	user: string;
	device_id: string;
	app_version: string;
	/** When the server last received this device's report (server clock). */
	reported_at: string | null;
	last_push_at: string | null;
	last_pull_at: string | null;
	waiting: number;
	last_error: string | null;
};

export const TREND_DAYS = 30;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function noChannels(): ByChannel {
	return { qr: 0, door_to_door: 0 };
}

export function emptyCounts(): ProgressCounts {
	return {
		households: 0,
		households_declared: 0,
		persons: 0,
		persons_declared: 0,
		up_to_date: 0,
		overdue: 0,
		declared_by_channel: noChannels(),
		last_7_days: noChannels(),
		last_30_days: noChannels()
	};
}

function addChannels(a: ByChannel, b: ByChannel): ByChannel {
	return { qr: a.qr + b.qr, door_to_door: a.door_to_door + b.door_to_door };
}

export function addCounts(a: ProgressCounts, b: ProgressCounts): ProgressCounts {
	return {
		households: a.households + b.households,
		households_declared: a.households_declared + b.households_declared,
		persons: a.persons + b.persons,
		persons_declared: a.persons_declared + b.persons_declared,
		up_to_date: a.up_to_date + b.up_to_date,
		overdue: a.overdue + b.overdue,
		declared_by_channel: addChannels(a.declared_by_channel, b.declared_by_channel),
		last_7_days: addChannels(a.last_7_days, b.last_7_days),
		last_30_days: addChannels(a.last_30_days, b.last_30_days)
	};
}

export function sumCounts(all: Iterable<ProgressCounts>): ProgressCounts {
	let total = emptyCounts();
	for (const counts of all) total = addCounts(total, counts);
	return total;
}

/** Whether a person whose latest declaration was at `declaredAt` is still up to date. */
export function isUpToDate(
	declaredAt: string,
	wardCadenceMonths: number,
	isCloseWatch: boolean,
	now: Date
): boolean {
	const months = cadenceFor(wardCadenceMonths, isCloseWatch ? { pregnant: true } : undefined);
	return now.getTime() < addMonths(new Date(declaredAt), months).getTime();
}

/**
 * When a declaration counts from in progress: the server's stamp (when it reached the
 * server), since a device's clock can be days wrong; its own date only when it has no stamp
 * (replicated in from elsewhere). The progress views (couch/design/ward) compute the same.
 */
export function countedAt(declaration: { declared_at: string; stamp?: { at: string } }): string {
	const stamped = declaration.stamp ? Date.parse(declaration.stamp.at) : NaN;
	const instant = Number.isNaN(stamped) ? Date.parse(declaration.declared_at) : stamped;
	return new Date(instant).toISOString();
}

/** The calendar day in Vietnam (UTC+7 all year) of an instant, as the views key it. */
export function vietnamDay(instant: Date): string {
	return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The `count` Vietnamese calendar days ending today, oldest first. */
export function lastDays(now: Date, count: number): string[] {
	return Array.from({ length: count }, (_, index) =>
		vietnamDay(new Date(now.getTime() - (count - 1 - index) * DAY_MS))
	);
}

export function addTrends(
	a: readonly DailyDeclarations[],
	b: readonly DailyDeclarations[]
): DailyDeclarations[] {
	const byDay = new Map(a.map((row) => [row.day, { ...row }]));
	for (const row of b) {
		const known = byDay.get(row.day);
		if (known) {
			known.qr += row.qr;
			known.door_to_door += row.door_to_door;
		} else byDay.set(row.day, { ...row });
	}
	return [...byDay.values()].sort((x, y) => x.day.localeCompare(y.day));
}

/** Share of `part` in `whole` as a whole percentage; 0 of 0 is 0. */
export function percent(part: number, whole: number): number {
	return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
