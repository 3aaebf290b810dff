// A device replicates one collection per record type, and each of those pulls would read the
// ward's feed to its end: on a first sync, one scan of the whole ward per type. Instead the
// first pull reads the caller's scope, all types at once, through the scope filter, and the
// other types' pages come from that reading while it is in use. A page finds its place in a
// reading by the seq the previous page ended on, compared for equality only (seqs are never
// parsed), and a reading is continued upstream from the last_seq it ended on: a page built on
// it is the page an upstream read from the same `since` would give, at the time of the reading.

import type { ChangesQuery, Seq } from './changes-query';
import type { GatewayContext } from './context';
import { scopeFilterQuery } from './scope-filter';
import { readUpstreamChanges, type UpstreamChange } from './upstream-changes';

export type ScopeReading = {
	/** The `since` it was read from. */
	since: string;
	rows: readonly UpstreamChange[];
	/** Upstream's last_seq for it: the reading covers everything up to there. */
	lastSeq: Seq;
	/** The row each seq belongs to. */
	positions: ReadonlyMap<string, number>;
	expiresAt: number;
};

/** A page starts after the row at `index` of the reading (-1: at its start). */
export type ReadingPosition = { reading: ScopeReading; index: number };

/** Unused this long, a reading is dropped; every page served from it extends its life. */
const READING_IDLE_MS = 60_000;
/** Rows in one reading: a collaborator's part of a ward of 50,000 records fits. */
const READING_ROWS_MAX = 5_000;
/** Rows kept over all readings (each counts one more, however short), so memory stays
 * bounded however many devices sync at once. */
const KEPT_ROWS_MAX = 20_000;

const readings = new Map<string, ScopeReading[]>();
const inFlight = new Map<string, Promise<ScopeReading>>();
let keptRows = 0;

/** Callers whose filter asks the same of upstream share readings; each row is still judged per caller. */
function readingKey(context: GatewayContext, query: ChangesQuery): string {
	const filter = scopeFilterQuery(context.scope, undefined);
	return JSON.stringify([context.scope.database, query.style, query.conflicts, filter]);
}

function forget(key: string, reading: ScopeReading): void {
	const list = readings.get(key)?.filter((kept) => kept !== reading) ?? [];
	if (list.length > 0) readings.set(key, list);
	else readings.delete(key);
	keptRows -= reading.rows.length + 1;
}

function prune(now: number): void {
	for (const [key, list] of readings) {
		for (const reading of list) if (reading.expiresAt <= now) forget(key, reading);
	}
	while (keptRows > KEPT_ROWS_MAX) {
		let oldest: [string, ScopeReading] | undefined;
		for (const [key, list] of readings) {
			for (const reading of list) {
				if (!oldest || reading.expiresAt < oldest[1].expiresAt) oldest = [key, reading];
			}
		}
		if (!oldest) break;
		forget(...oldest);
	}
}

function positionOf(key: string, since: string, now: number): ReadingPosition | undefined {
	for (const reading of readings.get(key) ?? []) {
		if (reading.expiresAt <= now) continue;
		const index = reading.since === since ? -1 : reading.positions.get(since);
		if (index === undefined) continue;
		reading.expiresAt = now + READING_IDLE_MS;
		return { reading, index };
	}
	return undefined;
}

async function read(
	context: GatewayContext,
	query: ChangesQuery,
	key: string,
	since: string
): Promise<ScopeReading> {
	const answer = await readUpstreamChanges(context, query, {
		since,
		limit: READING_ROWS_MAX,
		filter: scopeFilterQuery(context.scope, undefined)
	});
	const rows = answer.results;
	const reading: ScopeReading = {
		since,
		rows,
		lastSeq: answer.last_seq ?? rows.at(-1)?.seq ?? since,
		positions: new Map(rows.map((row, index) => [String(row.seq), index])),
		expiresAt: Date.now() + READING_IDLE_MS
	};
	readings.set(key, [...(readings.get(key) ?? []), reading]);
	keptRows += rows.length + 1;
	prune(Date.now());
	return reading;
}

/**
 * Where `since` falls in a reading of the caller's scope, reading it now if none holds it.
 * Undefined for `since=now`, which names no place in the feed.
 */
export async function scopeReadingAt(
	context: GatewayContext,
	query: ChangesQuery,
	since: Seq
): Promise<ReadingPosition | undefined> {
	const at = String(since);
	if (at === 'now') return undefined;
	const key = readingKey(context, query);
	const known = positionOf(key, at, Date.now());
	if (known) return known;
	// The pulls of a device's collections start together: they wait for one reading.
	const flightKey = JSON.stringify([key, at]);
	let reading = inFlight.get(flightKey);
	if (!reading) {
		reading = read(context, query, key, at).finally(() => inFlight.delete(flightKey));
		inFlight.set(flightKey, reading);
	}
	return { reading: await reading, index: -1 };
}
