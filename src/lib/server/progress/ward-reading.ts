// What one ward's progress is computed from, read from the ward database's views (counts, and
// one row per declaration, never a document) and kept in a form that does not depend on the
// time: ward-progress.ts turns it into the numbers of any moment without reading the ward
// again. When the ward changes, only the views its changed records feed are read again.

import {
	noChannels,
	recordTypeOf,
	vietnamDay,
	wardDatabaseName,
	type ByChannel,
	type Channel
} from '$lib/domain';
import { PROGRESS_DESIGN, PROGRESS_VIEWS } from '../../../../couch/design/documents';
import type { CouchClient } from '../couch/client';
import { logEvent } from '../log';

export type GroupDeclarations = {
	/** Declarations per calendar day in Vietnam, by channel (the view leaves out corrections). */
	byDay: Map<string, ByChannel>;
	persons_declared: number;
	households_declared: number;
	/** Declared people by the channel of their latest declaration. */
	declared_by_channel: ByChannel;
	/** Each declared person's latest declaration (ms since the epoch, UTC), ascending: people on
	 * the ward's cadence, and people on the close watch. */
	latest: { regular: Float64Array; closeWatch: Float64Array };
};

/** The parts of a reading, one per view. */
export type WardParts = {
	/** Households per group. */
	households: Map<string, number>;
	/** People per group. */
	persons: Map<string, number>;
	/** Per group. */
	declarations: Map<string, GroupDeclarations>;
};

export type Part = keyof WardParts;
export const ALL_PARTS: readonly Part[] = ['households', 'persons', 'declarations'];

export type WardReading = WardParts & {
	ward: string;
	/** The database's update_seq before the views were read: the reading holds at least this. */
	seq: unknown;
};

/** More changes than this since the last reading: the whole ward is read again. */
export const CHANGES_LIMIT = 1000;

type CountRow = { key: string; value: number };
type DeclarationRow = { key: [string, string, string]; value: [string, number, string] };
type ChangeRow = { id: string };

const VIEW_OF: Record<Part, string> = {
	households: PROGRESS_VIEWS.households,
	persons: PROGRESS_VIEWS.persons,
	declarations: PROGRESS_VIEWS.latestDeclaration
};

/** The record type each part's view counts (each view reads one type only). */
const PART_OF_TYPE: Record<string, Part | null> = {
	household: 'households',
	person: 'persons',
	declaration: 'declarations',
	device_status: null
};

function isChannel(value: string): value is Channel {
	return value === 'qr' || value === 'door_to_door';
}

export function countsFromRows(rows: readonly CountRow[]): Map<string, number> {
	return new Map(rows.map((row) => [row.key, row.value]));
}

type Latest = { at: string; isCloseWatch: boolean; channel: string; household: string };

function sorted(values: number[]): Float64Array {
	return Float64Array.from(values).sort();
}

/** The rows of `latest_declaration_by_member` (not reduced): one per declaration. */
export function declarationsFromRows(
	rows: readonly DeclarationRow[]
): Map<string, GroupDeclarations> {
	const byDayOf = new Map<string, Map<string, ByChannel>>();
	const latestOf = new Map<string, Map<string, Latest>>();
	for (const { key, value } of rows) {
		const [group, household, person] = key;
		const [at, closeWatch, channel] = value;
		let byDay = byDayOf.get(group);
		if (!byDay) byDayOf.set(group, (byDay = new Map()));
		if (isChannel(channel)) {
			const day = vietnamDay(new Date(at));
			const daily = byDay.get(day) ?? noChannels();
			daily[channel] += 1;
			byDay.set(day, daily);
		}
		let latest = latestOf.get(group);
		if (!latest) latestOf.set(group, (latest = new Map()));
		const known = latest.get(person);
		if (!known || at > known.at) {
			latest.set(person, { at, isCloseWatch: closeWatch === 1, channel, household });
		}
	}
	const groups = new Map<string, GroupDeclarations>();
	for (const [group, latest] of latestOf) {
		const households = new Set<string>();
		const declaredByChannel = noChannels();
		const regular: number[] = [];
		const closeWatch: number[] = [];
		for (const person of latest.values()) {
			households.add(person.household);
			if (isChannel(person.channel)) declaredByChannel[person.channel] += 1;
			(person.isCloseWatch ? closeWatch : regular).push(Date.parse(person.at));
		}
		groups.set(group, {
			byDay: byDayOf.get(group) ?? new Map(),
			persons_declared: latest.size,
			households_declared: households.size,
			declared_by_channel: declaredByChannel,
			latest: { regular: sorted(regular), closeWatch: sorted(closeWatch) }
		});
	}
	return groups;
}

function viewPath(ward: string, view: string): string {
	return `${wardDatabaseName(ward)}/_design/${PROGRESS_DESIGN}/_view/${view}`;
}

async function readPart<P extends Part>(
	client: CouchClient,
	ward: string,
	part: P
): Promise<{ value: WardParts[P]; rows: number }> {
	if (part === 'declarations') {
		const { rows } = await client.json<{ rows: DeclarationRow[] }>(viewPath(ward, VIEW_OF[part]), {
			query: { reduce: false }
		});
		return { value: declarationsFromRows(rows) as WardParts[P], rows: rows.length };
	}
	const { rows } = await client.json<{ rows: CountRow[] }>(viewPath(ward, VIEW_OF[part]), {
		query: { group: true }
	});
	return { value: countsFromRows(rows) as WardParts[P], rows: rows.length };
}

/** Reads the given parts' views (at once) and logs what it cost. */
export async function readParts(
	client: CouchClient,
	ward: string,
	parts: readonly Part[]
): Promise<Partial<WardParts>> {
	const started = performance.now();
	const read = await Promise.all(parts.map((part) => readPart(client, ward, part)));
	const result: Partial<WardParts> = {};
	parts.forEach((part, index) => Object.assign(result, { [part]: read[index].value }));
	logEvent('info', 'progress.ward_read', {
		ward,
		views: [...parts],
		rows: read.reduce((sum, part) => sum + part.rows, 0),
		duration_ms: Math.round(performance.now() - started)
	});
	return result;
}

export async function readSeq(client: CouchClient, ward: string): Promise<unknown> {
	const info = await client.json<{ update_seq: unknown }>(wardDatabaseName(ward));
	return info.update_seq;
}

function sameSeq(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** A sequence as `since` takes it: PouchDB Server's are numbers, CouchDB's opaque text. */
function sinceParam(seq: unknown): string | number {
	return typeof seq === 'number' || typeof seq === 'string' ? seq : JSON.stringify(seq);
}

/** The parts whose views the changes since `seq` can have touched. A record's id names its
 * type (the gateway validates every record by it), and each view reads one type; a design
 * document or any other id, or too many changes, means everything. */
export async function changedParts(
	client: CouchClient,
	ward: string,
	seq: unknown
): Promise<Set<Part>> {
	const { results } = await client.json<{ results: ChangeRow[] }>(
		`${wardDatabaseName(ward)}/_changes`,
		{ query: { since: sinceParam(seq), limit: CHANGES_LIMIT } }
	);
	if (results.length >= CHANGES_LIMIT) return new Set(ALL_PARTS);
	const parts = new Set<Part>();
	for (const { id } of results) {
		const type = recordTypeOf(id);
		const part = type === null ? undefined : PART_OF_TYPE[type];
		if (part === undefined) return new Set(ALL_PARTS);
		if (part !== null) parts.add(part);
	}
	return parts;
}

export async function readWard(client: CouchClient, ward: string): Promise<WardReading> {
	const seq = await readSeq(client, ward);
	const parts = (await readParts(client, ward, ALL_PARTS)) as WardParts;
	return { ward, seq, ...parts };
}

/** The reading brought up to the ward's update_seq: unchanged if the ward is, otherwise with
 * only the views its changes feed read again (a device's status report feeds none). */
export async function refreshWard(
	client: CouchClient,
	previous: WardReading
): Promise<WardReading> {
	const seq = await readSeq(client, previous.ward);
	if (sameSeq(seq, previous.seq)) return previous;
	const parts = await changedParts(client, previous.ward, previous.seq);
	if (parts.size === 0) return { ...previous, seq };
	return { ...previous, ...(await readParts(client, previous.ward, [...parts])), seq };
}
