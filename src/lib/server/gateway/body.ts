// Request bodies are read with a bound, so one oversized push is refused with a reason
// instead of filling the server's memory.

import { Refusal } from '../http';

/** adapter-node applies BODY_SIZE_LIMIT first (set it to at least this; 512 KB by default). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

function isTooLarge(error: unknown): boolean {
	return (error as { status?: unknown } | null)?.status === 413;
}

export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > maxBytes) throw new Refusal(413, 'gateway.too_large');
	if (!request.body) return undefined;
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = request.body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			// Past the bound the rest is read and dropped (adapter-node stops it at its own
			// limit), so the client gets the refusal rather than a reset connection.
			if (size <= maxBytes) chunks.push(value);
		}
		if (size > maxBytes) throw new Refusal(413, 'gateway.too_large');
	} catch (error) {
		if (error instanceof Refusal) throw error;
		if (isTooLarge(error)) throw new Refusal(413, 'gateway.too_large');
		throw new Refusal(400, 'gateway.bad_request');
	}
	if (size === 0) return undefined;
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch {
		throw new Refusal(400, 'gateway.bad_request');
	}
}

/** A JSON object body, or a 400. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
	const body = await readJsonBody(request);
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new Refusal(400, 'gateway.bad_request');
	}
	return body as Record<string, unknown>;
}
