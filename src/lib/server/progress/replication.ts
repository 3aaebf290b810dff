// Replication the database server itself runs (backups to another site, ward merges):
// CouchDB lists it in `_active_tasks` and `_scheduler/jobs`. PouchDB Server has no
// scheduler, so there the answer says it is not available rather than "nothing".

import { CouchError, type CouchClient } from '../couch/client';

export type ReplicationTask = {
	source: string;
	target: string;
	state: string;
	docs_written: number | null;
	pending: number | null;
	updated_at: string | null;
};

export type ServerReplication =
	{ available: true; tasks: ReplicationTask[] } | { available: false; tasks: [] };

type Raw = Record<string, unknown>;

/** A URL's database name only: the credentials in a replication's URL never leave here. */
function databaseOf(value: unknown): string {
	const text = typeof value === 'string' ? value : (((value as Raw | null)?.url as string) ?? '');
	try {
		return new URL(text).pathname.replace(/^\/+|\/+$/g, '') || text;
	} catch {
		return text.replace(/^.*@/, '');
	}
}

function numberOf(value: unknown): number | null {
	return typeof value === 'number' ? value : null;
}

export async function serverReplication(client: CouchClient): Promise<ServerReplication> {
	let jobs: { jobs?: Raw[] };
	try {
		jobs = await client.json<{ jobs?: Raw[] }>('_scheduler/jobs');
	} catch (error) {
		if (error instanceof CouchError && error.status < 500) return { available: false, tasks: [] };
		throw error;
	}
	const active = await client.json<Raw[]>('_active_tasks').catch(() => [] as Raw[]);
	const progress = new Map(
		active
			.filter((task) => task.type === 'replication')
			.map((task) => [String(task.replication_id ?? task.doc_id ?? ''), task])
	);
	return {
		available: true,
		tasks: (jobs.jobs ?? []).map((job) => {
			const task = progress.get(String(job.id ?? '')) ?? {};
			const history = Array.isArray(job.history) ? (job.history as Raw[]) : [];
			return {
				source: databaseOf(job.source),
				target: databaseOf(job.target),
				state: String(history[0]?.type ?? job.state ?? 'unknown'),
				docs_written: numberOf(task.docs_written),
				pending: numberOf(task.changes_pending),
				updated_at: typeof history[0]?.timestamp === 'string' ? history[0].timestamp : null
			};
		})
	};
}
