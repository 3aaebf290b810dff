// `POST /api/registry/import`: ward staff send their ward's registry extract as the request
// body; `?dry_run=1` only checks it and says what would change. The answer is `{ report }`
// (200), or `422 { report }` with the problems by line (nothing written). A caller that
// accepts `application/x-ndjson` gets, once the file has passed its checks, one line per
// batch written (`{ "progress": { "done", "total" } }`) and then `{ "status", "report" }`.

import type { RequestEvent } from '@sveltejs/kit';
import { bilingualWith, type RegistryImportReport } from '$lib/domain';
import { authenticate } from '../auth/caller';
import { couch } from '../config';
import { CouchError } from '../couch/client';
import { jsonResponse, refusal } from '../http';
import { logEvent } from '../log';
import { wardProgressCache } from '../progress';
import { importRegistryExtract, RegistryWriteConflict, type RegistryProgress } from './import';

export const MAX_EXTRACT_BYTES = 10 * 1024 * 1024;
export const NDJSON = 'application/x-ndjson';

function failure(error: unknown): { status: number; body: { error: string; reason: string } } {
	if (error instanceof RegistryWriteConflict) {
		return {
			status: 409,
			body: { error: 'conflict', reason: bilingualWith('registry.write_conflict', {}) }
		};
	}
	logEvent('error', 'registry.import_failed', {
		error: error instanceof CouchError ? `${error.status} ${error.error}` : (error as Error).name
	});
	return {
		status: 503,
		body: { error: 'service_unavailable', reason: bilingualWith('gateway.unavailable', {}) }
	};
}

function statusOf(report: RegistryImportReport): number {
	return report.ok ? 200 : 422;
}

function logged(report: RegistryImportReport, username: string): RegistryImportReport {
	logEvent('info', report.dry_run ? 'registry.import_checked' : 'registry.imported', {
		user: username,
		ward: report.ward,
		ok: report.ok,
		encoding: report.encoding,
		rows: report.rows,
		problems: report.problems.length,
		...report.counts,
		written: report.written,
		elapsed_ms: report.elapsed_ms
	});
	if (report.written > 0) wardProgressCache().forget(report.ward);
	return report;
}

function progressStream(
	first: RegistryProgress,
	subscribe: (listener: (progress: RegistryProgress) => void) => void,
	outcome: Promise<RegistryImportReport>
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const line = (value: unknown) => encoder.encode(JSON.stringify(value) + '\n');
	return new ReadableStream({
		start(controller) {
			controller.enqueue(line({ progress: first }));
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

export async function handleRegistryImport(event: RequestEvent): Promise<Response> {
	const auth = await authenticate(event);
	if (!auth.ok) return refusal(auth.status, auth.key);
	const { user } = auth.caller;
	if (user.role !== 'ward_staff' || !user.ward) return refusal(403, 'registry.staff_only');
	const tooLarge = () =>
		jsonResponse(413, {
			error: 'too_large',
			reason: bilingualWith('registry.too_large', { max_mb: MAX_EXTRACT_BYTES / 1024 / 1024 })
		});
	if (Number(event.request.headers.get('content-length') ?? 0) > MAX_EXTRACT_BYTES) {
		return tooLarge();
	}
	const bytes = new Uint8Array(await event.request.arrayBuffer());
	if (bytes.length > MAX_EXTRACT_BYTES) return tooLarge();
	const dryRun = ['1', 'true'].includes(event.url.searchParams.get('dry_run') ?? '');
	const wantsProgress = (event.request.headers.get('accept') ?? '').includes(NDJSON);

	let listener: ((progress: RegistryProgress) => void) | null = null;
	let started: (progress: RegistryProgress) => void = () => {};
	const firstProgress = new Promise<RegistryProgress>((resolve) => (started = resolve));
	const outcome = importRegistryExtract(couch(), bytes, {
		ward: user.ward.code,
		dryRun,
		user: user.username,
		onProgress: (progress) => {
			started(progress);
			listener?.(progress);
		}
	}).then((report) => logged(report, user.username));
	const settled = outcome.then(
		(report) => ({ report }),
		(error: unknown) => ({ error })
	);
	const first = wantsProgress ? await Promise.race([firstProgress, settled]) : await settled;
	if ('report' in first) return jsonResponse(statusOf(first.report), { report: first.report });
	if ('error' in first) {
		const { status, body } = failure(first.error);
		return jsonResponse(status, body);
	}
	const body = progressStream(first, (next) => (listener = next), outcome);
	return new Response(body, { status: 200, headers: { 'content-type': NDJSON } });
}
