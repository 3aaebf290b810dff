// The registry link over HTTP: `GET <base>/wards/<ward>/changes?since=<cursor>&limit=<n>`,
// with a bearer token when one is configured, answered with JSON
// `{ results: [household…], next_cursor, has_more }`. Anything else (a refusal, a timeout,
// a body of another shape) is the registry being unavailable: the run stops and keeps its
// cursor, so nothing is skipped.

import { z } from 'zod';
import { RegistryUnavailable, type ChangesPage, type RegistryConnector } from './connector';

const TIMEOUT_MS = 30_000;

const PageSchema = z.object({
	results: z.array(z.record(z.string(), z.unknown())),
	next_cursor: z.string().min(1),
	has_more: z.boolean()
});

export type HttpConnectorOptions = {
	baseUrl: string;
	token?: string;
	fetcher?: typeof fetch;
	timeoutMs?: number;
};

export class HttpRegistryConnector implements RegistryConnector {
	readonly name: string;
	readonly #base: string;

	constructor(readonly options: HttpConnectorOptions) {
		this.#base = options.baseUrl.replace(/\/+$/, '');
		this.name = this.#base;
	}

	async changes(ward: string, since: string | null, limit: number): Promise<ChangesPage> {
		const url = new URL(`${this.#base}/wards/${encodeURIComponent(ward)}/changes`);
		if (since !== null) url.searchParams.set('since', since);
		url.searchParams.set('limit', String(limit));
		let response: Response;
		try {
			response = await (this.options.fetcher ?? fetch)(url, {
				headers: {
					accept: 'application/json',
					...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {})
				},
				signal: AbortSignal.timeout(this.options.timeoutMs ?? TIMEOUT_MS)
			});
		} catch (error) {
			throw new RegistryUnavailable(`${this.name}: ${(error as Error).name}`);
		}
		if (!response.ok) {
			await response.body?.cancel();
			throw new RegistryUnavailable(`${this.name}: HTTP ${response.status}`);
		}
		const parsed = PageSchema.safeParse(await response.json().catch(() => null));
		if (!parsed.success) throw new RegistryUnavailable(`${this.name}: not a page of changes`);
		return parsed.data;
	}
}
