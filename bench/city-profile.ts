// Where a cold ward read spends its time, measured from the benchmark's process with the
// app's own code: each view's answer from CouchDB, parsing it, turning the rows into the
// ward's reading, and the numbers of the moment from the reading.

import { wardDatabaseName } from '../src/lib/domain/ids';
import type { CouchClient } from '../src/lib/server/couch/client';
import { evaluateWard } from '../src/lib/server/progress/ward-progress';
import {
	countsFromRows,
	declarationsFromRows,
	type WardReading
} from '../src/lib/server/progress/ward-reading';
import { PROGRESS_DESIGN } from '../couch/design/documents';
import { MEASURED_VIEWS } from './city-seed';
import { formatSeconds } from './stats';

type Step = { label: string; seconds: number; note: string };

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
	const started = performance.now();
	const value = await work();
	return { value, seconds: (performance.now() - started) / 1000 };
}

/** One ward, each step alone (nothing else asks CouchDB meanwhile). */
export async function profileWard(client: CouchClient, ward: string): Promise<string> {
	const steps: Step[] = [];
	const parsed: unknown[] = [];
	for (const view of MEASURED_VIEWS) {
		const query = view === MEASURED_VIEWS[2] ? 'reduce=false' : 'group=true';
		const path = `${wardDatabaseName(ward)}/_design/${PROGRESS_DESIGN}/_view/${view}?${query}`;
		const answer = await timed(async () => (await client.request(path)).text());
		const rows = await timed(() => (JSON.parse(answer.value) as { rows: unknown[] }).rows);
		parsed.push(rows.value);
		steps.push({
			label: `CouchDB answers ${view}?${query}`,
			seconds: answer.seconds,
			note: `${rows.value.length} rows, ${(answer.value.length / 1e6).toFixed(2)} MB`
		});
		steps.push({ label: `  JSON.parse`, seconds: rows.seconds, note: '' });
	}
	const [households, persons, declarations] = parsed as [
		Parameters<typeof countsFromRows>[0],
		Parameters<typeof countsFromRows>[0],
		Parameters<typeof declarationsFromRows>[0]
	];
	const built = await timed((): WardReading => ({
		ward,
		seq: null,
		households: countsFromRows(households),
		persons: countsFromRows(persons),
		declarations: declarationsFromRows(declarations)
	}));
	steps.push({
		label: 'rows → reading (latest per person, per day)',
		seconds: built.seconds,
		note: `${declarations.length} declarations`
	});
	const evaluated = await timed(() => evaluateWard(built.value, 6, new Date()));
	steps.push({ label: 'reading → numbers now', seconds: evaluated.seconds, note: '' });
	const width = Math.max(...steps.map((step) => step.label.length));
	return steps
		.map(
			(step) =>
				`${step.label.padEnd(width)}  ${formatSeconds(step.seconds).padStart(7)} s  ${step.note}`
		)
		.join('\n');
}
