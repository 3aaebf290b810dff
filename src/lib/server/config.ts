// One CouchDB client for the whole process, configured from the environment, so every
// request shares its connection pool and the admin credentials are read in one place.

import { CouchClient, couchConfigFromEnv } from './couch/client';

let client: CouchClient | undefined;

export function couch(): CouchClient {
	client ??= new CouchClient(couchConfigFromEnv());
	return client;
}

export function isProduction(env: Record<string, string | undefined> = process.env): boolean {
	return env.NODE_ENV === 'production';
}
