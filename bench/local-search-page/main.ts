// The page side of bench/local-search.ts: the app's own device database (RxDB on Dexie, in
// this Chromium's IndexedDB), the app's household list (read, rows, search, due list), and
// the baseline, a plain scan of the same folded names in an array, all timed in this page.

import { firstValueFrom } from 'rxjs';
import { openDeviceDatabase, type DeviceDatabase } from '$lib/db/database';
import type { CollectionName } from '$lib/db/collections';
import { testDataKey } from '$lib/db/test-key';
import { foldVietnamese } from '$lib/domain/search-fold';
import type { Person, SessionUser } from '$lib/domain';
import { householdListData$, type HouseholdListData } from '$lib/ui/data/household-list-data';
import {
	filterHouseholdRows,
	householdRows,
	orderHouseholdRows,
	type HouseholdRow
} from '$lib/ui/household-list';

export type SearchTimes = {
	query: string;
	app: number[];
	appHits: number;
	baseline: number[];
	baselineHits: number;
};
export type Timings = {
	open: number[];
	read: number[];
	rows: number[];
	dueList: number[];
	dueListCount: number;
	searches: SearchTimes[];
	counts: { households: number; persons: number; declarations: number };
};

const USERNAME = 'bench-ward-staff';
/** Ward staff see the whole ward on their device: every person is in the search. */
const WARD_STAFF: Pick<SessionUser, 'role' | 'org_units'> = { role: 'ward_staff', org_units: [] };

let db: DeviceDatabase | null = null;

async function open(): Promise<DeviceDatabase> {
	// A fresh data key, as a signed-in device holds one: the health fields are sealed as in the app.
	db ??= await openDeviceDatabase({
		username: USERNAME,
		deviceId: 'bench-device',
		key: await testDataKey()
	});
	return db;
}

async function close(): Promise<void> {
	await db?.close();
	db = null;
}

function timed<T>(work: () => T): { ms: number; value: T } {
	const start = performance.now();
	const value = work();
	return { ms: performance.now() - start, value };
}

async function insert(collection: CollectionName, docs: unknown[]): Promise<number> {
	const database = await open();
	const result = await database.rx[collection].bulkInsert(docs as never[]);
	if (result.error.length > 0) {
		throw new Error(
			`${result.error.length} ${collection} refused: ${JSON.stringify(result.error[0])}`
		);
	}
	return result.success.length;
}

async function measure(queries: string[], runs: number, cadenceMonths: number): Promise<Timings> {
	const timings: Timings = {
		open: [],
		read: [],
		rows: [],
		dueList: [],
		dueListCount: 0,
		searches: queries.map((query) => ({
			query,
			app: [],
			appHits: 0,
			baseline: [],
			baselineHits: 0
		})),
		counts: { households: 0, persons: 0, declarations: 0 }
	};
	let data: HouseholdListData | null = null;
	// Each read from a freshly opened database, as when the app starts: nothing cached by RxDB.
	for (let run = 0; run < runs; run++) {
		await close();
		let start = performance.now();
		const database = await open();
		timings.open.push(performance.now() - start);
		start = performance.now();
		data = await firstValueFrom(householdListData$(database, WARD_STAFF));
		timings.read.push(performance.now() - start);
	}
	if (!data) throw new Error('no runs');
	const { households, persons, declarations } = data;
	timings.counts = {
		households: households.length,
		persons: persons.length,
		declarations: declarations.length
	};

	let rows: HouseholdRow[] = [];
	for (let run = 0; run < runs; run++) {
		const built = timed(() => householdRows(households, persons, declarations, cadenceMonths));
		timings.rows.push(built.ms);
		rows = built.value;
	}
	for (let run = 0; run < runs; run++) {
		const due = timed(() =>
			orderHouseholdRows(filterHouseholdRows(rows, '', '', 'needs_visit'), 'urgency')
		);
		timings.dueList.push(due.ms);
		timings.dueListCount = due.value.length;
	}

	// The baseline: the same names, folded once, in a plain array, scanned for each word of the
	// query folded the same way.
	const folded = persons.map((person: Person) => foldVietnamese(person.full_name));
	const plainScan = (query: string) => {
		const terms = foldVietnamese(query).split(' ').filter(Boolean);
		return folded.filter((name) => terms.every((term) => name.includes(term)));
	};
	for (const search of timings.searches) {
		for (let run = 0; run < runs; run++) {
			const app = timed(() =>
				orderHouseholdRows(filterHouseholdRows(rows, search.query, '', 'all'), 'address')
			);
			search.app.push(app.ms);
			search.appHits = app.value.length;
			const baseline = timed(() => plainScan(search.query));
			search.baseline.push(baseline.ms);
			search.baselineHits = baseline.value.length;
		}
	}
	return timings;
}

async function count(): Promise<Record<string, number>> {
	const database = await open();
	return {
		households: await database.rx.households.count().exec(),
		persons: await database.rx.persons.count().exec(),
		declarations: await database.rx.declarations.count().exec()
	};
}

const bench = { insert, measure, count, close };
export type SearchBench = typeof bench;
(window as unknown as { searchBench: SearchBench }).searchBench = bench;
document.body.dataset.ready = 'true';
