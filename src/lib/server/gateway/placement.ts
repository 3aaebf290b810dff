// Where a document belongs, even when CouchDB hands over a bare tombstone (`_id`, `_rev`,
// `_deleted` only): then the revision before the deletion names the ward and group. Answers
// are cached per revision, which never changes. A tombstone whose history was compacted
// away cannot be placed, and so is shown to no one below the ward.

import { TtlCache } from '../cache';
import { CouchError, type CouchClient } from '../couch/client';
import { isPlaced, placementOfBody, type Placement } from './scope';

export type CouchDoc = {
	_id: string;
	_rev?: string;
	_deleted?: boolean;
	_revisions?: { start: number; ids: string[] };
} & Record<string, unknown>;

const PLACEMENT_CACHE_MS = 10 * 60_000;
const PLACEMENT_CACHE_ENTRIES = 50_000;
/** How many revisions before a tombstone to look through for a body. */
const MAX_REVISIONS_BACK = 3;
/** Look-ups of tombstone history run this many at a time, to spare CouchDB. */
export const PLACEMENT_LOOKUPS_AT_ONCE = 8;

const cache = new TtlCache<string, Placement | null>(PLACEMENT_CACHE_MS, PLACEMENT_CACHE_ENTRIES);

export class PlacementResolver {
	constructor(
		readonly client: CouchClient,
		readonly database: string
	) {}

	async #revision(id: string, rev: string, revs: boolean): Promise<CouchDoc | null> {
		try {
			return await this.client.json<CouchDoc>(`${this.database}/${encodeURIComponent(id)}`, {
				query: { rev, revs: revs || undefined }
			});
		} catch (error) {
			if (error instanceof CouchError && error.status === 404) return null;
			throw error;
		}
	}

	async #beforeDeletion(doc: CouchDoc): Promise<Placement | null> {
		const history =
			doc._revisions ??
			(doc._rev ? (await this.#revision(doc._id, doc._rev, true))?._revisions : undefined);
		if (!history) return null;
		const steps = Math.min(history.ids.length - 1, MAX_REVISIONS_BACK);
		for (let step = 1; step <= steps; step++) {
			const earlier = await this.#revision(
				doc._id,
				`${history.start - step}-${history.ids[step]}`,
				false
			);
			const placement = earlier ? placementOfBody(doc._id, earlier) : null;
			if (placement && isPlaced(placement)) return placement;
		}
		return null;
	}

	/** The place of a document as CouchDB returned it (winning revision, a leaf, or a tombstone). */
	async ofDoc(doc: CouchDoc): Promise<Placement | null> {
		const own = placementOfBody(doc._id, doc);
		if (!own) return null;
		if (isPlaced(own)) return own;
		if (!doc._deleted || !doc._rev) return null;
		const key = `${this.database}\u0000${doc._id}\u0000${doc._rev}`;
		const cached = cache.get(key);
		if (cached !== undefined) return cached;
		const placement = await this.#beforeDeletion(doc);
		cache.set(key, placement);
		return placement;
	}

	/** The place of one revision, read from CouchDB. */
	async ofRevision(id: string, rev: string): Promise<Placement | null> {
		const key = `${this.database}\u0000${id}\u0000${rev}`;
		const cached = cache.get(key);
		if (cached !== undefined) return cached;
		const doc = await this.#revision(id, rev, true);
		const placement = doc ? await this.ofDoc(doc) : null;
		cache.set(key, placement);
		return placement;
	}
}

/** Runs `task` over `items` with at most `limit` at a time, keeping the order of results. */
export async function mapLimited<T, R>(
	items: readonly T[],
	limit: number,
	task: (item: T) => Promise<R>
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}
