// Importing one ward's registry extract: read and check the whole file, and write nothing
// unless every line is good; compare it with the ward's records; a dry run stops there and
// says what would happen. The real run writes through the ward database, households first,
// then people, aliases and review items, a batch at a time. Ids come from the registry's keys
// and only what differs is written, so running it again writes nothing, and a run killed
// midway is finished by the next one without writing anything twice.

import {
	bilingualWith,
	emptyRegistryCounts,
	isLiveUnit,
	REPORT_LIST_LIMIT,
	wardDatabaseName,
	type ImportProblem,
	type RegistryImportReport
} from '$lib/domain';
import type { CouchClient } from '../couch/client';
import type { LineProblem } from '../org/csv';
import { loadOrgTree } from '../org/tree';
import { decodeExtract } from './decode';
import { readExtract, type ExtractHousehold } from './extract';
import type { CouchDoc } from './plan-fields';
import { idsToCheck, planRegistryImport, type RegistryPlan } from './plan';
import { deletedIds, loadWardRecords } from './ward-records';

const WRITE_BATCH = 500;

export type RegistryProgress = { done: number; total: number };

export type RegistryImportOptions = {
	ward: string;
	dryRun: boolean;
	/** Who imports: the audit and stamp of what is written name them. */
	user: string;
	now?: () => Date;
	onProgress?: (progress: RegistryProgress) => void;
};

export class RegistryWriteConflict extends Error {
	constructor(readonly ids: string[]) {
		super(`The ward's records changed while importing (${ids.slice(0, 5).join(', ')}): run again`);
	}
}

function toProblem(problem: LineProblem): ImportProblem {
	const params = problem.params ?? {};
	return {
		line: problem.line,
		key: problem.key,
		params,
		reason: bilingualWith(problem.key, params)
	};
}

function emptyReport(ward: string, dryRun: boolean): RegistryImportReport {
	return {
		dry_run: dryRun,
		ok: true,
		ward,
		format: null,
		encoding: null,
		rows: 0,
		households: 0,
		persons: 0,
		problems: [],
		counts: emptyRegistryCounts(),
		created: [],
		updated: [],
		conflicts: [],
		reviews: [],
		is_truncated: false,
		written: 0,
		elapsed_ms: 0
	};
}

/** The ward's live groups, or null when the ward is not a live ward of the tree. */
export async function wardGroups(client: CouchClient, ward: string): Promise<Set<string> | null> {
	const tree = await loadOrgTree(client);
	const unit = tree.unit(ward);
	if (!unit || unit.level !== 'ward' || !isLiveUnit(unit)) return null;
	return new Set(
		tree
			.childrenOf(ward)
			.filter((child) => child.level === 'group' && isLiveUnit(child))
			.map((child) => child.code)
	);
}

export type CheckedExtract =
	| { ok: true; report: RegistryImportReport; households: ExtractHousehold[] }
	| { ok: false; report: RegistryImportReport };

/** Decodes and reads the file against the ward's groups; nothing stored is read yet. */
export async function checkExtract(
	client: CouchClient,
	bytes: Uint8Array,
	ward: string,
	dryRun: boolean,
	started: number
): Promise<CheckedExtract> {
	const report = emptyReport(ward, dryRun);
	const refuse = (problems: LineProblem[]): CheckedExtract => ({
		ok: false,
		report: {
			...report,
			ok: false,
			problems: problems.map(toProblem),
			elapsed_ms: Math.round(performance.now() - started)
		}
	});
	const groups = await wardGroups(client, ward);
	if (!groups) return refuse([{ line: 0, key: 'registry.ward_unknown', params: { ward } }]);
	const decoded = decodeExtract(bytes);
	if (!decoded.ok) return refuse([decoded.problem]);
	report.encoding = decoded.encoding;
	const read = readExtract(decoded.text, ward, groups);
	report.format = read.format;
	report.rows = read.rows;
	report.households = read.households.length;
	report.persons = read.households.reduce((sum, household) => sum + household.members.length, 0);
	if (read.problems.length > 0) return refuse(read.problems);
	return { ok: true, report, households: read.households };
}

type BulkResult = { id: string; ok?: boolean; error?: string; reason?: string };

async function writeDocs(
	client: CouchClient,
	ward: string,
	docs: readonly CouchDoc[],
	onBatch: (count: number) => void
): Promise<number> {
	let written = 0;
	const conflicts: string[] = [];
	for (let start = 0; start < docs.length; start += WRITE_BATCH) {
		const batch = docs.slice(start, start + WRITE_BATCH);
		const results = await client.json<BulkResult[]>(`${wardDatabaseName(ward)}/_bulk_docs`, {
			method: 'POST',
			body: { docs: batch }
		});
		for (const result of results) {
			if (result.ok) written += 1;
			else if (result.error === 'conflict') conflicts.push(result.id);
			else throw new Error(`Writing ${result.id}: ${result.error} ${result.reason ?? ''}`);
		}
		onBatch(batch.length);
	}
	if (conflicts.length > 0) throw new RegistryWriteConflict(conflicts);
	return written;
}

function limited<T>(list: T[]): { list: T[]; isCut: boolean } {
	return list.length > REPORT_LIST_LIMIT
		? { list: list.slice(0, REPORT_LIST_LIMIT), isCut: true }
		: { list, isCut: false };
}

function reportOf(report: RegistryImportReport, plan: RegistryPlan): RegistryImportReport {
	const created = limited(plan.created);
	const updated = limited(plan.updated);
	const conflicts = limited(plan.conflicts);
	const reviews = limited(plan.reviewEntries);
	return {
		...report,
		counts: plan.counts,
		created: created.list,
		updated: updated.list,
		conflicts: conflicts.list,
		reviews: reviews.list,
		is_truncated: created.isCut || updated.isCut || conflicts.isCut || reviews.isCut
	};
}

/** The plan of an extract already checked, against what the ward holds now. */
export async function planExtract(
	client: CouchClient,
	households: readonly ExtractHousehold[],
	options: Pick<RegistryImportOptions, 'ward' | 'user' | 'now'>
): Promise<RegistryPlan> {
	const { ward } = options;
	const stored = await loadWardRecords(client, ward);
	const deleted = await deletedIds(client, ward, idsToCheck(ward, households, stored));
	const at = (options.now?.() ?? new Date()).toISOString();
	return planRegistryImport(households, {
		ward,
		author: { user: options.user, at },
		stored,
		deleted
	});
}

/** Writes a plan in order; the documents written. */
export async function writePlan(
	client: CouchClient,
	ward: string,
	plan: RegistryPlan,
	onProgress?: (progress: RegistryProgress) => void
): Promise<number> {
	const docs = [...plan.households, ...plan.persons, ...plan.aliases, ...plan.reviews];
	let done = 0;
	onProgress?.({ done, total: docs.length });
	return writeDocs(client, ward, docs, (count) => {
		done += count;
		onProgress?.({ done, total: docs.length });
	});
}

export async function importRegistryExtract(
	client: CouchClient,
	bytes: Uint8Array,
	options: RegistryImportOptions
): Promise<RegistryImportReport> {
	const started = performance.now();
	const checked = await checkExtract(client, bytes, options.ward, options.dryRun, started);
	if (!checked.ok) return checked.report;
	const plan = await planExtract(client, checked.households, options);
	const written = options.dryRun
		? 0
		: await writePlan(client, options.ward, plan, options.onProgress);
	return {
		...reportOf(checked.report, plan),
		written,
		elapsed_ms: Math.round(performance.now() - started)
	};
}
