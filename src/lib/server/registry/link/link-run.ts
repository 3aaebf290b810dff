// One run of the registry link for one ward: read the feed from the stored cursor, a page at
// a time; check each page's households like the lines of an extract, plan and write the good
// ones exactly as an import does (same ids, same matching, same conflicts and review list);
// store the new cursor after each page. A row with a problem is skipped and reported, so one
// bad row never stalls the feed; a registry that does not answer ends the run with its
// cursor kept. A page written but not yet acknowledged by a stored cursor is read again next
// time and writes nothing, since its records are already there.

import {
	bilingualWith,
	LINK_PROBLEMS_KEPT,
	LinkStateSchema,
	wardDatabaseName,
	type LinkProblem,
	type LinkRun,
	type LinkState
} from '$lib/domain';
import type { CouchClient } from '../../couch/client';
import { logEvent } from '../../log';
import { readExtract } from '../extract';
import { planExtract, wardGroups, writePlan } from '../import';
import type { RegistryConnector } from './connector';
import { isHeldElsewhere, isLostClaim, leaseFrom } from './link-lease';

export const LINK_PAGE_SIZE = 500;
/** Pages one run reads at most; the rest waits for the next run. */
export const LINK_MAX_PAGES = 200;
/** The user the link's writes are stamped by. */
export const LINK_USER = 'registry-link';

export function linkStateId(ward: string): string {
	return `registry_link:${ward}`;
}

type StoredState = LinkState & { _id: string; _rev?: string };

export async function loadLinkState(
	client: CouchClient,
	ward: string
): Promise<StoredState | null> {
	const doc = await client.getDoc<StoredState>(wardDatabaseName(ward), linkStateId(ward));
	if (!doc) return null;
	const parsed = LinkStateSchema.safeParse(doc);
	return parsed.success ? { ...parsed.data, _id: doc._id, _rev: doc._rev } : null;
}

async function saveState(client: CouchClient, state: StoredState): Promise<StoredState> {
	const { rev } = await client.json<{ rev: string }>(
		`${wardDatabaseName(state.ward)}/${encodeURIComponent(state._id)}`,
		{ method: 'PUT', body: state }
	);
	return { ...state, _rev: rev };
}

export type LinkRunOptions = {
	pageSize?: number;
	maxPages?: number;
	now?: () => Date;
};

function emptyRun(started: Date): LinkRun {
	return {
		started_at: started.toISOString(),
		finished_at: started.toISOString(),
		status: 'ok',
		pages: 0,
		rows: 0,
		households_created: 0,
		households_updated: 0,
		persons_created: 0,
		persons_updated: 0,
		conflicts: 0,
		reviews_created: 0,
		written: 0,
		errors: 0,
		problems: []
	};
}

/** Claims the ward for this process, or null when another app server is running its link. */
async function claim(
	client: CouchClient,
	state: StoredState,
	now: Date
): Promise<StoredState | null> {
	if (isHeldElsewhere(state, now)) return null;
	try {
		return await saveState(client, { ...state, lease: leaseFrom(now) });
	} catch (error) {
		if (isLostClaim(error)) return null;
		throw error;
	}
}

/** The run, or null when the ward was left to the app server that holds it now. */
export async function runRegistryLink(
	client: CouchClient,
	connector: RegistryConnector,
	ward: string,
	options: LinkRunOptions = {}
): Promise<LinkRun | null> {
	const now = options.now ?? (() => new Date());
	const run = emptyRun(now());
	const loaded: StoredState = (await loadLinkState(client, ward)) ?? {
		_id: linkStateId(ward),
		type: 'registry_link',
		ward,
		source: connector.name,
		cursor: null,
		runs: 0
	};
	const claimed = await claim(client, loaded, now());
	if (!claimed) {
		logEvent('info', 'registry.link_held_elsewhere', { ward });
		return null;
	}
	let state = claimed;
	const keepProblem = (problem: LinkProblem) => {
		run.errors += 1;
		if (run.problems.length < LINK_PROBLEMS_KEPT) run.problems.push(problem);
	};
	try {
		const groups = await wardGroups(client, ward);
		if (!groups) throw new Error(`ward ${ward} is not a live ward of the org tree`);
		for (let page = 0; page < (options.maxPages ?? LINK_MAX_PAGES); page++) {
			const since = state.cursor;
			const changes = await connector.changes(ward, since, options.pageSize ?? LINK_PAGE_SIZE);
			run.pages += 1;
			run.rows += changes.results.length;
			const text = changes.results.map((row) => JSON.stringify(row)).join('\n') + '\n';
			const read = await readExtract(text, ward, groups);
			const refused = new Set(read.problems.map((problem) => problem.line));
			for (const problem of read.problems) {
				const params = problem.params ?? {};
				keepProblem({
					cursor: since,
					row: problem.line,
					key: problem.key,
					params,
					reason: bilingualWith(problem.key, params)
				});
			}
			const good = read.households.filter((household) => !refused.has(household.line));
			if (good.length > 0) {
				const plan = await planExtract(client, good, { ward, user: LINK_USER, now });
				run.written += await writePlan(client, ward, plan);
				run.households_created += plan.counts.households_created;
				run.households_updated += plan.counts.households_updated;
				run.persons_created += plan.counts.persons_created;
				run.persons_updated += plan.counts.persons_updated;
				run.conflicts += plan.counts.conflicts;
				run.reviews_created += plan.counts.reviews_created;
			}
			state = await saveState(client, {
				...state,
				source: connector.name,
				cursor: changes.next_cursor,
				lease: leaseFrom(now())
			});
			if (!changes.has_more || changes.next_cursor === since) break;
		}
	} catch (error) {
		run.status = 'failed';
		run.message = error instanceof Error ? error.message.slice(0, 300) : 'unknown';
	}
	run.finished_at = now().toISOString();
	await saveState(client, { ...state, runs: state.runs + 1, last_run: run, lease: undefined });
	logEvent(run.status === 'ok' ? 'info' : 'warn', 'registry.link_run', {
		ward,
		source: connector.name,
		status: run.status,
		pages: run.pages,
		rows: run.rows,
		written: run.written,
		errors: run.errors,
		message: run.message
	});
	return run;
}
