import { describe, expect, it } from 'vitest';
import type { ImportReport } from '$lib/domain';
import { checkOrgFile, importOrgFile, readImportAnswer, type ImportProgress } from './org-import';

const REPORT: ImportReport = {
	dry_run: false,
	ok: true,
	rows: 2,
	problems: [],
	created: [],
	updated: [],
	unchanged: 2,
	paths_rewritten: 0,
	wards_provisioned: [],
	written: 0,
	elapsed_ms: 3
};

function ndjson(lines: unknown[], chunkSize = 7): Response {
	const text = lines.map((line) => JSON.stringify(line) + '\n').join('');
	const bytes = new TextEncoder().encode(text);
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			for (let start = 0; start < bytes.length; start += chunkSize) {
				controller.enqueue(bytes.subarray(start, start + chunkSize));
			}
			controller.close();
		}
	});
	return new Response(body, { headers: { 'content-type': 'application/x-ndjson' } });
}

describe('reading the import answer', () => {
	it('follows the progress lines, however the stream is cut, then takes the report', async () => {
		const seen: ImportProgress[] = [];
		const answer = await readImportAnswer(
			ndjson([
				{ progress: { done: 0, total: 3 } },
				{ progress: { done: 2, total: 3 } },
				{ status: 200, report: REPORT }
			]),
			(progress) => seen.push(progress)
		);
		expect(seen).toEqual([
			{ done: 0, total: 3 },
			{ done: 2, total: 3 }
		]);
		expect(answer).toEqual({ ok: true, report: REPORT });
	});

	it('gives the reason of a failure that came after the first step', async () => {
		const answer = await readImportAnswer(
			ndjson([{ progress: { done: 0, total: 3 } }, { status: 409, reason: 'vi / en' }])
		);
		expect(answer).toEqual({ ok: false, offline: false, reason: 'vi / en' });
	});

	it('takes a refused file answered as JSON (422) as a report', async () => {
		const refused = { ...REPORT, ok: false };
		const answer = await readImportAnswer(
			new Response(JSON.stringify({ report: refused }), {
				status: 422,
				headers: { 'content-type': 'application/json' }
			})
		);
		expect(answer).toEqual({ ok: true, report: refused });
	});

	it('says offline when the request never reached the server', async () => {
		const failing: typeof fetch = () => Promise.reject(new TypeError('offline'));
		expect(await checkOrgFile(new ArrayBuffer(1), failing)).toEqual({ ok: false, offline: true });
	});

	it('sends the file as it is, asking for a dry run or for progress lines', async () => {
		const calls: { url: string; accept: string; size: number }[] = [];
		const recording: typeof fetch = async (input, init) => {
			calls.push({
				url: String(input),
				accept: new Headers(init?.headers).get('accept') ?? '',
				size: (init?.body as ArrayBuffer).byteLength
			});
			return new Response(JSON.stringify({ report: REPORT }), {
				headers: { 'content-type': 'application/json' }
			});
		};
		await checkOrgFile(new ArrayBuffer(5), recording);
		await importOrgFile(new ArrayBuffer(5), () => {}, recording);
		expect(calls).toEqual([
			{ url: '/api/org/import?dry_run=1', accept: 'application/json', size: 5 },
			{ url: '/api/org/import', accept: 'application/x-ndjson', size: 5 }
		]);
	});
});
