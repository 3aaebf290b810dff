// The administrator's CSV import as the screen drives it: a dry run answered as JSON, then
// the real run read line by line (NDJSON) so the progress bar moves with the server's steps.
// Both end in one typed answer; a refused file is an answer with its report, not a failure.

import type { ImportReport } from '$lib/domain';

export const ORG_IMPORT_ENDPOINT = '/api/org/import';
const NDJSON = 'application/x-ndjson';
/** Making a hundred ward databases takes a while on a busy server. */
const TIMEOUT_MS = 10 * 60_000;

export type ImportProgress = { done: number; total: number };

export type ImportAnswer =
	| { ok: true; report: ImportReport }
	| { ok: false; offline: true }
	| { ok: false; offline: false; reason: string };

type Line = {
	progress?: ImportProgress;
	report?: ImportReport;
	status?: number;
	reason?: string;
};

function isReport(value: unknown): value is ImportReport {
	const report = value as Partial<ImportReport> | null;
	return typeof report?.ok === 'boolean' && Array.isArray(report.problems);
}

function answerOf(body: Line | null, status: number): ImportAnswer {
	if (body && isReport(body.report)) return { ok: true, report: body.report };
	return {
		ok: false,
		offline: false,
		reason: typeof body?.reason === 'string' ? body.reason : `HTTP ${status}`
	};
}

async function* lines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
	const reader = stream.getReader();
	const decoder = new TextDecoder();
	let pending = '';
	for (;;) {
		const { value, done } = await reader.read();
		if (done) break;
		pending += decoder.decode(value, { stream: true });
		let newline = pending.indexOf('\n');
		while (newline >= 0) {
			yield pending.slice(0, newline);
			pending = pending.slice(newline + 1);
			newline = pending.indexOf('\n');
		}
	}
	if (pending.trim()) yield pending;
}

/** Reads an answer of the import endpoint, JSON or NDJSON, reporting progress lines. */
export async function readImportAnswer(
	response: Response,
	onProgress: (progress: ImportProgress) => void = () => {}
): Promise<ImportAnswer> {
	const type = response.headers.get('content-type') ?? '';
	if (!type.includes(NDJSON) || !response.body) {
		let body: Line | null = null;
		try {
			body = (await response.json()) as Line;
		} catch {
			// reported by its status below
		}
		return answerOf(body, response.status);
	}
	let last: Line | null = null;
	for await (const text of lines(response.body)) {
		const line = JSON.parse(text) as Line;
		if (line.progress) onProgress(line.progress);
		else last = line;
	}
	return answerOf(last, last?.status ?? response.status);
}

async function send(
	bytes: ArrayBuffer,
	dryRun: boolean,
	onProgress: (progress: ImportProgress) => void,
	fetcher: typeof fetch
): Promise<ImportAnswer> {
	let response: Response;
	try {
		response = await fetcher(`${ORG_IMPORT_ENDPOINT}${dryRun ? '?dry_run=1' : ''}`, {
			method: 'POST',
			headers: { 'content-type': 'text/csv', accept: dryRun ? 'application/json' : NDJSON },
			body: bytes,
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
	} catch {
		return { ok: false, offline: true };
	}
	try {
		return await readImportAnswer(response, onProgress);
	} catch {
		return { ok: false, offline: true };
	}
}

export function checkOrgFile(bytes: ArrayBuffer, fetcher: typeof fetch = fetch) {
	return send(bytes, true, () => {}, fetcher);
}

export function importOrgFile(
	bytes: ArrayBuffer,
	onProgress: (progress: ImportProgress) => void,
	fetcher: typeof fetch = fetch
) {
	return send(bytes, false, onProgress, fetcher);
}
