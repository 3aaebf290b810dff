// Importing org units from a CSV: read and check everything, and write nothing unless every
// row is good. A dry run stops after the checks and says what would happen. The real run
// makes the databases of the file's wards first (so a ward's accounts work the moment its
// unit appears), then writes the units. Running the same file again changes nothing.

import { bilingualWith, type ImportProblem, type ImportReport } from '$lib/domain';
import type { CouchClient } from '../couch/client';
import { decodeCsvBytes, parseCsv, type LineProblem } from './csv';
import { planImport } from './import-plan';
import { writeOrgDocs } from './org-writes';
import { readRows } from './rows';
import { loadOrgTree } from './tree';
import type { WardProvisioner } from './ward-provisioner';

/** Wards looked at (and made) side by side: each is a few small requests to CouchDB. */
const WARDS_AT_ONCE = 6;

async function eachAtOnce<T>(
	items: readonly T[],
	limit: number,
	run: (item: T) => Promise<void>
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await run(items[next++]);
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The import's phases, for a progress bar: wards looked at, then documents written. */
export type ImportProgress = { done: number; total: number };

export type ImportOptions = {
	dryRun: boolean;
	wards: WardProvisioner;
	onProgress?: (progress: ImportProgress) => void;
};

function toProblem(problem: LineProblem): ImportProblem {
	const params = problem.params ?? {};
	return {
		line: problem.line,
		key: problem.key,
		params,
		reason: bilingualWith(problem.key, params)
	};
}

function emptyReport(dryRun: boolean, rows: number): ImportReport {
	return {
		dry_run: dryRun,
		ok: true,
		rows,
		problems: [],
		created: [],
		updated: [],
		unchanged: 0,
		paths_rewritten: 0,
		wards_provisioned: [],
		written: 0,
		elapsed_ms: 0
	};
}

function refused(report: ImportReport, problems: LineProblem[], started: number): ImportReport {
	const sorted = [...problems].sort((a, b) => a.line - b.line);
	return {
		...report,
		ok: false,
		problems: sorted.map(toProblem),
		elapsed_ms: Math.round(performance.now() - started)
	};
}

export async function importOrgUnits(
	client: CouchClient,
	bytes: Uint8Array,
	options: ImportOptions
): Promise<ImportReport> {
	const started = performance.now();
	const decoded = decodeCsvBytes(bytes);
	if (!decoded.ok) return refused(emptyReport(options.dryRun, 0), [decoded.problem], started);
	const parsed = parseCsv(decoded.text);
	const report = emptyReport(options.dryRun, Math.max(0, parsed.records.length - 1));
	if (parsed.problems.length > 0) return refused(report, parsed.problems, started);
	const read = readRows(parsed.records);
	if (read.rows.length === 0 && read.problems.length > 0) {
		return refused(report, read.problems, started);
	}
	const tree = await loadOrgTree(client);
	const planned = planImport(read.rows, tree);
	const problems = [...read.problems, ...(planned.ok ? [] : planned.problems)];
	if (!planned.ok || problems.length > 0) return refused(report, problems, started);
	const { plan } = planned;

	const total = plan.wards.length + plan.docs.length;
	let done = 0;
	const step = (count: number) => {
		done += count;
		options.onProgress?.({ done, total });
	};
	options.onProgress?.({ done, total });
	const provisioned = new Set<string>();
	const newWards = new Set(plan.newWards);
	await eachAtOnce(plan.wards, WARDS_AT_ONCE, async (ward) => {
		if (options.dryRun) {
			if (newWards.has(ward) || !(await options.wards.exists(ward))) provisioned.add(ward);
		} else if (await options.wards.provision(ward)) provisioned.add(ward);
		step(1);
	});
	let written = 0;
	if (!options.dryRun) {
		let before = 0;
		written = await writeOrgDocs(client, plan.docs, (count) => {
			step(count - before);
			before = count;
		});
	}
	return {
		...report,
		created: plan.created,
		updated: plan.updated,
		unchanged: plan.unchanged,
		paths_rewritten: plan.paths_rewritten,
		wards_provisioned: plan.wards.filter((ward) => provisioned.has(ward)),
		written,
		elapsed_ms: Math.round(performance.now() - started)
	};
}
