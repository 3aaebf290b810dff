// The app server's only way to CouchDB: plain HTTP with the admin credentials, which never
// leave this process. Uses only the API that both Apache CouchDB 3.x and the embedded
// PouchDB Server honour.

export type CouchConfig = { url: string; user: string; password: string };

export class CouchError extends Error {
	constructor(
		readonly status: number,
		readonly error: string,
		readonly reason: string,
		readonly path: string
	) {
		super(`CouchDB ${status} ${error} on ${path}: ${reason}`);
	}
}

type Query = Record<string, string | number | boolean | undefined>;

export type CouchRequest = {
	method?: string;
	query?: Query;
	body?: unknown;
	headers?: Record<string, string>;
	signal?: AbortSignal;
};

export class CouchClient {
	readonly #base: string;
	readonly #authorization: string;

	constructor(config: CouchConfig) {
		this.#base = config.url.replace(/\/+$/, '');
		this.#authorization =
			'Basic ' + Buffer.from(`${config.user}:${config.password}`).toString('base64');
	}

	get url(): string {
		return this.#base;
	}

	/** The raw response, whatever its status. `path` is relative to the server root. */
	async request(path: string, init: CouchRequest = {}): Promise<Response> {
		const url = new URL(this.#base + '/' + path.replace(/^\/+/, ''));
		for (const [key, value] of Object.entries(init.query ?? {})) {
			if (value !== undefined) url.searchParams.set(key, String(value));
		}
		const headers: Record<string, string> = {
			accept: 'application/json',
			authorization: this.#authorization,
			...init.headers
		};
		let body: string | undefined;
		if (init.body !== undefined) {
			body = JSON.stringify(init.body);
			headers['content-type'] = 'application/json';
		}
		return fetch(url, { method: init.method ?? 'GET', headers, body, signal: init.signal });
	}

	/** The parsed body of a 2xx response; anything else throws a CouchError. */
	async json<T>(path: string, init: CouchRequest = {}): Promise<T> {
		const response = await this.request(path, init);
		const text = await response.text();
		const parsed: unknown = text ? JSON.parse(text) : null;
		if (!response.ok) {
			const failure = (parsed ?? {}) as { error?: string; reason?: string };
			throw new CouchError(
				response.status,
				failure.error ?? 'unknown',
				failure.reason ?? text,
				path
			);
		}
		return parsed as T;
	}

	/** The document, or null when it does not exist. */
	async getDoc<T>(database: string, id: string): Promise<T | null> {
		try {
			return await this.json<T>(`${database}/${encodeURIComponent(id)}`);
		} catch (error) {
			if (error instanceof CouchError && error.status === 404) return null;
			throw error;
		}
	}

	async databaseExists(database: string): Promise<boolean> {
		const response = await this.request(database);
		await response.body?.cancel();
		return response.ok;
	}

	/** Creates the database if missing and closes it to everyone but the server admin. */
	async ensureDatabase(database: string): Promise<void> {
		if (!(await this.databaseExists(database))) {
			try {
				await this.json(database, { method: 'PUT' });
			} catch (error) {
				// Another process may have created it in between.
				if (!(error instanceof CouchError && error.status === 412)) throw error;
			}
		}
		await this.json(`${database}/_security`, {
			method: 'PUT',
			body: {
				admins: { names: [], roles: [] },
				members: { names: [], roles: ['_admin'] }
			}
		});
	}
}

export function couchConfigFromEnv(
	env: Record<string, string | undefined> = process.env
): CouchConfig {
	const url = env.COUCHDB_URL ?? `http://127.0.0.1:${env.COUCHDB_PORT ?? '5984'}`;
	const user = env.COUCHDB_USER;
	const password = env.COUCHDB_PASSWORD;
	if (!user || !password) {
		throw new Error('COUCHDB_USER and COUCHDB_PASSWORD must be set (the CouchDB admin account)');
	}
	return { url, user, password };
}
