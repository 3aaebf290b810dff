// `POST /api/org/import`: an administrator sends a CSV of org units as the request body;
// `?dry_run=1` only checks it and says what would change. The answer is `{ report }` (200)
// or `422 { report }` with the problems by line. A caller that accepts
// `application/x-ndjson` gets, once the file has passed its checks, one line per step
// (`{ "progress": { "done", "total" } }`) and then `{ "status", "report" }`, so the admin
// screen can show a real progress bar while the wards' databases are made.

import type { RequestEvent } from '@sveltejs/kit';
import { AUDIT_TREE_UNIT, bilingualWith, type ImportReport } from '$lib/domain';
import { audit } from '../audit';
import type { Caller } from '../auth/authenticator';
import { authenticate } from '../auth/caller';
import { couch } from '../config';
import { CouchError } from '../couch/client';
import { jsonResponse, refusal } from '../http';
import { logEvent } from '../log';
import { importOrgUnits, type ImportProgress } from './import';
import { OrgWriteConflict } from './org-writes';
import { wardProvisioner, type WardProvisioner } from './ward-provisioner';
import { bundledWardDesignDocs } from './ward-designs';

export const MAX_CSV_BYTES = 5 * 1024 * 1024;
export const NDJSON = 'application/x-ndjson';

let provisioner: WardProvisioner | undefined;

function wards(): WardProvisioner {
	provisioner ??= wardProvisioner(couch(), bundledWardDesignDocs());
	return provisioner;
}

function failure(error: unknown): { status: number; body: { error: string; reason: string } } {
	if (error instanceof OrgWriteConflict) {
		return {
			status: 409,
			body: { error: 'conflict', reason: bilingualWith('org.write_conflict', {}) }
		};
	}
	logEvent('error', 'org.import_failed', {
		error: error instanceof CouchError ? `${error.status} ${error.error}` : (error as Error).name
	});
	return {
		status: 503,
		body: { error: 'service_unavailable', reason: bilingualWith('gateway.unavailable', {}) }
	};
}

function statusOf(report: ImportReport): number {
	return report.ok ? 200 : 422;
}

function logged(report: ImportReport, caller: Caller): ImportReport {
	if (!report.dry_run && report.written > 0) {
		audit(caller, { unit: AUDIT_TREE_UNIT, action: 'org.imported', count: report.written });
	}
	logEvent('info', report.dry_run ? 'org.import_checked' : 'org.imported', {
		user: caller.user.username,
		ok: report.ok,
		rows: report.rows,
		problems: report.problems.length,
		created: report.created.length,
		updated: report.updated.length,
		unchanged: report.unchanged,
		written: report.written,
		wards_provisioned: report.wards_provisioned.length,
		elapsed_ms: report.elapsed_ms
	});
	return report;
}

/** The progress lines and the last line, from the moment the first step is reported. */
function progressStream(
	current: () => ImportProgress,
	subscribe: (listener: (progress: ImportProgress) => void) => void,
	outcome: Promise<ImportReport>
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const line = (value: unknown) => encoder.encode(JSON.stringify(value) + '\n');
	return new ReadableStream({
		start(controller) {
			controller.enqueue(line({ progress: current() }));
			subscribe((progress) => controller.enqueue(line({ progress })));
			outcome.then(
				(report) => {
					controller.enqueue(line({ status: statusOf(report), report }));
					controller.close();
				},
				(error: unknown) => {
					const { status, body } = failure(error);
					controller.enqueue(line({ status, ...body }));
					controller.close();
				}
			);
		}
	});
}

export async function handleImport(event: RequestEvent): Promise<Response> {
	const auth = await authenticate(event);
	if (!auth.ok) return refusal(auth.status, auth.key);
	const { user } = auth.caller;
	if (user.role !== 'admin') return refusal(403, 'org.admin_only');
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	const tooLarge = () =>
		jsonResponse(413, {
			error: 'too_large',
			reason: bilingualWith('org.csv_too_large', { max_mb: MAX_CSV_BYTES / 1024 / 1024 })
		});
	if (declared > MAX_CSV_BYTES) return tooLarge();
	const bytes = new Uint8Array(await event.request.arrayBuffer());
	if (bytes.length > MAX_CSV_BYTES) return tooLarge();
	const dryRun = ['1', 'true'].includes(event.url.searchParams.get('dry_run') ?? '');
	const wantsProgress = (event.request.headers.get('accept') ?? '').includes(NDJSON);

	let listener: ((progress: ImportProgress) => void) | null = null;
	let latest: ImportProgress = { done: 0, total: 0 };
	let started: (progress: ImportProgress) => void = () => {};
	const firstProgress = new Promise<ImportProgress>((resolve) => (started = resolve));
	const outcome = importOrgUnits(couch(), bytes, {
		dryRun,
		wards: wards(),
		onProgress: (progress) => {
			latest = progress;
			started(progress);
			listener?.(progress);
		}
	}).then((report) => logged(report, auth.caller));
	if (!wantsProgress) {
		try {
			const report = await outcome;
			return jsonResponse(statusOf(report), { report });
		} catch (error) {
			const { status, body } = failure(error);
			return jsonResponse(status, body);
		}
	}
	// Refused files and failures before the first step answer with their own status.
	const settled = outcome.then(
		(report) => ({ report }),
		(error: unknown) => ({ error })
	);
	const first = await Promise.race([firstProgress, settled]);
	if (!('done' in first)) {
		if ('report' in first) return jsonResponse(statusOf(first.report), { report: first.report });
		const { status, body } = failure(first.error);
		return jsonResponse(status, body);
	}
	const body = progressStream(
		() => latest,
		(next) => (listener = next),
		outcome
	);
	return new Response(body, { status: 200, headers: { 'content-type': NDJSON } });
}
