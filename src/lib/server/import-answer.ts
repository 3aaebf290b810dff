// How an import endpoint answers (the org units' CSV, the registry extract): the file is the
// request body, read whole up to a size limit; `?dry_run=1` only checks it. The answer is
// `{ report }` (200), or `422 { report }` with the problems by line (nothing written). A caller
// that accepts `application/x-ndjson` gets, once the file has passed its checks, one line per
// step (`{ "progress": { "done", "total" } }`) and then `{ "status", "report" }`, so a screen
// can show a real progress bar. Refused files and failures before the first step answer with
// their own status.

import type { RequestEvent } from '@sveltejs/kit';
import { bilingualWith, type MessageKey } from '$lib/domain';
import { CouchError } from './couch/client';
import { jsonResponse } from './http';
import { logEvent } from './log';

export const NDJSON = 'application/x-ndjson';

export type ImportProgress = { done: number; total: number };

export type ImportFailure = { status: number; body: { error: string; reason: string } };

export type ImportAnswer<Report extends { ok: boolean }> = {
	maxBytes: number;
	/** The bilingual reason of a file over `maxBytes`; it is given `max_mb`. */
	tooLargeKey: MessageKey;
	run: (
		bytes: Uint8Array,
		dryRun: boolean,
		onProgress: (progress: ImportProgress) => void
	) => Promise<Report>;
	failure: (error: unknown) => ImportFailure;
};

/**
 * A write that lost a race with another import answers 409 with `conflictKey`'s reason; any
 * other failure is logged (its kind only, never the file) and answers 503.
 */
export function importFailure(
	error: unknown,
	conflict: { is: boolean; key: MessageKey },
	failedEvent: string
): ImportFailure {
	if (conflict.is) {
		return { status: 409, body: { error: 'conflict', reason: bilingualWith(conflict.key, {}) } };
	}
	logEvent('error', failedEvent, {
		error: error instanceof CouchError ? `${error.status} ${error.error}` : (error as Error).name
	});
	return {
		status: 503,
		body: { error: 'service_unavailable', reason: bilingualWith('gateway.unavailable', {}) }
	};
}

function statusOf(report: { ok: boolean }): number {
	return report.ok ? 200 : 422;
}

export async function answerImport<Report extends { ok: boolean }>(
	event: RequestEvent,
	answer: ImportAnswer<Report>
): Promise<Response> {
	const tooLarge = () =>
		jsonResponse(413, {
			error: 'too_large',
			reason: bilingualWith(answer.tooLargeKey, { max_mb: answer.maxBytes / 1024 / 1024 })
		});
	if (Number(event.request.headers.get('content-length') ?? 0) > answer.maxBytes) {
		return tooLarge();
	}
	const bytes = new Uint8Array(await event.request.arrayBuffer());
	if (bytes.length > answer.maxBytes) return tooLarge();
	const dryRun = ['1', 'true'].includes(event.url.searchParams.get('dry_run') ?? '');
	const wantsProgress = (event.request.headers.get('accept') ?? '').includes(NDJSON);

	let listener: ((progress: ImportProgress) => void) | null = null;
	// The latest step, so one reported between the first and the stream's start is not lost.
	let latest: ImportProgress = { done: 0, total: 0 };
	let started: (progress: ImportProgress) => void = () => {};
	const firstProgress = new Promise<ImportProgress>((resolve) => (started = resolve));
	const outcome = answer.run(bytes, dryRun, (progress) => {
		latest = progress;
		started(progress);
		listener?.(progress);
	});
	const settled = outcome.then(
		(report) => ({ report }),
		(error: unknown) => ({ error })
	);
	const first = wantsProgress ? await Promise.race([firstProgress, settled]) : await settled;
	if ('report' in first) return jsonResponse(statusOf(first.report), { report: first.report });
	if ('error' in first) {
		const { status, body } = answer.failure(first.error);
		return jsonResponse(status, body);
	}
	const encoder = new TextEncoder();
	const line = (value: unknown) => encoder.encode(JSON.stringify(value) + '\n');
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(line({ progress: latest }));
			listener = (progress) => controller.enqueue(line({ progress }));
			outcome.then(
				(report) => {
					controller.enqueue(line({ status: statusOf(report), report }));
					controller.close();
				},
				(error: unknown) => {
					const { status, body } = answer.failure(error);
					controller.enqueue(line({ status, ...body }));
					controller.close();
				}
			);
		}
	});
	return new Response(body, { status: 200, headers: { 'content-type': NDJSON } });
}
