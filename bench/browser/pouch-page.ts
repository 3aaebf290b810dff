// Stock PouchDB in the page (the IndexedDB adapter, as pouchdb-browser ships it), the baseline
// of the browser benchmark: a pull into a fresh local database, and a push of given documents
// from one. Bundled by browser-bundle.ts, driven through `window.benchPouch`.

import PouchDB from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import IdbAdapter from 'pouchdb-adapter-idb';
import Replication from 'pouchdb-replication';

const Pouch = PouchDB.plugin(HttpAdapter).plugin(IdbAdapter).plugin(Replication);

export type Credentials = { username: string; password: string };

export type PouchPull = { seconds: number; docs: number; ids: string[] };

let databases = 0;

function local(): PouchDB.Database {
	databases += 1;
	return new Pouch(`bench-pouch-${Date.now()}-${databases}`, { adapter: 'idb' });
}

function remote(url: string, auth: Credentials): PouchDB.Database {
	return new Pouch(url, { adapter: 'http', auth, skip_setup: true });
}

/** Replicates `url` (or only `docIds` of it) into a fresh local database. */
async function pull(url: string, auth: Credentials, docIds?: string[]): Promise<PouchPull> {
	const target = local();
	try {
		const started = performance.now();
		const result = await target.replicate.from(
			remote(url, auth),
			docIds ? { doc_ids: docIds } : {}
		);
		const seconds = (performance.now() - started) / 1000;
		if (!result.ok || result.doc_write_failures > 0) throw new Error(`PouchDB pull failed`);
		const { rows } = await target.allDocs();
		return { seconds, docs: rows.length, ids: rows.map((row) => row.id) };
	} finally {
		await target.destroy();
	}
}

/** Writes `docs` into a fresh local database (not timed), then times replicating them to `url`. */
async function push(url: string, auth: Credentials, docs: object[]): Promise<number> {
	const source = local();
	try {
		await source.bulkDocs(docs);
		const started = performance.now();
		const result = await source.replicate.to(remote(url, auth));
		const seconds = (performance.now() - started) / 1000;
		if (!result.ok || result.doc_write_failures > 0 || result.docs_written !== docs.length) {
			throw new Error(`PouchDB push wrote ${result.docs_written} of ${docs.length}`);
		}
		return seconds;
	} finally {
		await source.destroy();
	}
}

const benchPouch = { pull, push };
export type BenchPouch = typeof benchPouch;

declare global {
	interface Window {
		benchPouch: BenchPouch;
	}
}

window.benchPouch = benchPouch;
