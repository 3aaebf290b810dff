// The ward staff's management requests: groups and collaborators (`/api/ward/*`), the review
// list (`/api/registry/review`). They need the network; a request that does not come back
// says so.

export type WardGroup = { code: string; name: string };
export type WardCollaborator = {
	username: string;
	display_name: string;
	groups: string[];
	disabled: boolean;
};

export type WardAnswer<T> = { ok: true; value: T } | { ok: false; reason: string | null };

const TIMEOUT_MS = 20_000;

export async function wardRequest<T>(
	path: string,
	method: 'GET' | 'POST' | 'PATCH' = 'GET',
	body?: unknown,
	fetcher: typeof fetch = fetch
): Promise<WardAnswer<T>> {
	let response: Response;
	try {
		response = await fetcher(path, {
			method,
			headers: { accept: 'application/json', 'content-type': 'application/json' },
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
	} catch {
		return { ok: false, reason: null };
	}
	const parsed: unknown = await response.json().catch(() => null);
	if (response.ok && parsed !== null) return { ok: true, value: parsed as T };
	const reason = (parsed as { reason?: unknown } | null)?.reason;
	return { ok: false, reason: typeof reason === 'string' ? reason : `HTTP ${response.status}` };
}
