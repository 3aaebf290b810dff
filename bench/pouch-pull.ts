// Stock PouchDB pulling into memory, as in the replication protocol test: straight from
// CouchDB by `doc_ids` (the floor), or through the gateway as a collaborator.

import { createRequire } from 'node:module';
import PouchDB from 'pouchdb-core';
import Replication from 'pouchdb-replication';

const require = createRequire(import.meta.url);
const HttpAdapter = require('pouchdb-adapter-http') as PouchDB.Plugin;
const MemoryAdapter = require('pouchdb-adapter-memory') as PouchDB.Plugin;
const Pouch = PouchDB.plugin(HttpAdapter).plugin(MemoryAdapter).plugin(Replication);

let databases = 0;

export type PouchPull = { seconds: number; ids: string[] };

/** `url` carries its credentials (Basic), as PouchDB takes them. */
export async function pouchPull(url: string, docIds?: string[]): Promise<PouchPull> {
	databases += 1;
	const local = new Pouch(`bench-${process.pid}-${databases}`, { adapter: 'memory' });
	try {
		const started = performance.now();
		const result = await local.replicate.from(url, docIds ? { doc_ids: docIds } : {});
		const seconds = (performance.now() - started) / 1000;
		if (!result.ok || result.doc_write_failures > 0) {
			throw new Error(`PouchDB pull from ${new URL(url).pathname} failed`);
		}
		const { rows } = await local.allDocs();
		return { seconds, ids: rows.map((row) => row.id) };
	} finally {
		await local.destroy();
	}
}

export function withCredentials(base: string, username: string, password: string): string {
	const url = new URL(base);
	url.username = username;
	url.password = password;
	return url.toString();
}
