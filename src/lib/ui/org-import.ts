// The administrator's CSV import as the screen drives it: a dry run answered as JSON, then
// the real run read line by line (NDJSON) so the progress bar moves with the server's steps.
// Both end in one typed answer; a refused file is an answer with its report, not a failure.

import type { ImportReport } from '$lib/domain';

export const ORG_IMPORT_ENDPOINT = '/api/org/import';
const NDJSON = 'application/x-ndjson';
/** Making a hundred ward databases takes a while on a busy server. */
const TIMEOUT_MS = 10 * 60_000;

export type ImportProgress = { done: number; total: number };

/** What an import endpoint answers with (org units, the registry extract): checked or not. */
type AnyReport = { ok: boolean; problems: unknown[] };

export type ImportAnswer<R extends AnyReport = ImportReport> =
	| { ok: true; report: R }
	| { ok: false; offline: true }
	| { ok: false; offline: false; reason: string };

type Line<R> = {
	progress?: ImportProgress;
	report?: R;
	status?: number;
	reason?: string;
};

function isReport<R extends AnyReport>(value: unknown): value is R {
	const report = value as Partial<AnyReport> | null;
	return typeof report?.ok === 'boolean' && Array.isArray(report.problems);
}

function answerOf<R extends AnyReport>(body: Line<R> | null, status: number): ImportAnswer<R> {
	if (body && isReport<R>(body.report)) return { ok: true, report: body.report };
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

/** Reads an answer of an import endpoint, JSON or NDJSON, reporting progress lines. */
export async function readImportAnswer<R extends AnyReport = ImportReport>(
	response: Response,
	onProgress: (progress: ImportProgress) => void = () => {}
): Promise<ImportAnswer<R>> {
	const type = response.headers.get('content-type') ?? '';
	if (!type.includes(NDJSON) || !response.body) {
		let body: Line<R> | null = null;
		try {
			body = (await response.json()) as Line<R>;
		} catch {
			// reported by its status below
		}
		return answerOf(body, response.status);
	}
	let last: Line<R> | null = null;
	for await (const text of lines(response.body)) {
		const line = JSON.parse(text) as Line<R>;
		if (line.progress) onProgress(line.progress);
		else last = line;
	}
	return answerOf(last, last?.status ?? response.status);
}

/** Sends a file to an import endpoint, as a dry run or for real. */
export async function sendImportFile<R extends AnyReport = ImportReport>(
	endpoint: string,
	bytes: ArrayBuffer,
	dryRun: boolean,
	onProgress: (progress: ImportProgress) => void,
	fetcher: typeof fetch,
	contentType = 'text/csv'
): Promise<ImportAnswer<R>> {
	let response: Response;
	try {
		response = await fetcher(`${endpoint}${dryRun ? '?dry_run=1' : ''}`, {
			method: 'POST',
			headers: { 'content-type': contentType, accept: dryRun ? 'application/json' : NDJSON },
			body: bytes,
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
	} catch {
		return { ok: false, offline: true };
	}
	try {
		return await readImportAnswer<R>(response, onProgress);
	} catch {
		return { ok: false, offline: true };
	}
}

export function checkOrgFile(bytes: ArrayBuffer, fetcher: typeof fetch = fetch) {
	return sendImportFile(ORG_IMPORT_ENDPOINT, bytes, true, () => {}, fetcher);
}

export function importOrgFile(
	bytes: ArrayBuffer,
	onProgress: (progress: ImportProgress) => void,
	fetcher: typeof fetch = fetch
) {
	return sendImportFile(ORG_IMPORT_ENDPOINT, bytes, false, onProgress, fetcher);
}
