// Fetching a group's sheets from the server. Unlike every other screen this one cannot work
// from the device database: tokens live only on the server, so each failure is told apart
// (no network, session gone, refused, server trouble) for the page to say what to do.

import { QrSheetsAnswerSchema, type QrSheetsAnswer } from '$lib/domain';

export const SHEETS_ENDPOINT = '/api/qr/sheets';
/** The first print of a big group issues a token per household; that takes a while. */
export const SHEETS_TIMEOUT_MS = 120_000;

export type SheetsFailure = 'offline' | 'signed_out' | 'refused' | 'server';

export type SheetsOutcome =
	{ ok: true; answer: QrSheetsAnswer } | { ok: false; failure: SheetsFailure; reason?: string };

export type SheetsDeps = {
	fetch: typeof fetch;
	isOnline: boolean;
	/** Aborts when the page moves on to another group. */
	signal?: AbortSignal;
	timeoutMs?: number;
};

async function reasonOf(response: Response): Promise<string | undefined> {
	try {
		const body: unknown = await response.json();
		const reason = (body as { reason?: unknown } | null)?.reason;
		return typeof reason === 'string' ? reason : undefined;
	} catch {
		return undefined;
	}
}

function signalFor(deps: SheetsDeps): AbortSignal {
	const timeout = AbortSignal.timeout(deps.timeoutMs ?? SHEETS_TIMEOUT_MS);
	return deps.signal ? AbortSignal.any([deps.signal, timeout]) : timeout;
}

export async function fetchSheets(group: string, deps: SheetsDeps): Promise<SheetsOutcome> {
	if (!deps.isOnline) return { ok: false, failure: 'offline' };
	let response: Response;
	try {
		response = await deps.fetch(`${SHEETS_ENDPOINT}?${new URLSearchParams({ group })}`, {
			headers: { accept: 'application/json' },
			credentials: 'same-origin',
			signal: signalFor(deps)
		});
	} catch (error) {
		// A timeout is a server that did not answer; anything else never reached it.
		const isTimeout = error instanceof DOMException && error.name === 'TimeoutError';
		return { ok: false, failure: isTimeout ? 'server' : 'offline' };
	}
	if (response.status === 401) return { ok: false, failure: 'signed_out' };
	if (response.status >= 500) return { ok: false, failure: 'server' };
	if (!response.ok) return { ok: false, failure: 'refused', reason: await reasonOf(response) };
	try {
		const parsed = QrSheetsAnswerSchema.safeParse(await response.json());
		if (parsed.success) return { ok: true, answer: parsed.data };
	} catch {
		// an answer cut short or not JSON: the same as a malformed one
	}
	return { ok: false, failure: 'server' };
}
