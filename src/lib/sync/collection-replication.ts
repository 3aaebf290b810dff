// One RxDB CouchDB replication for one collection. Kept apart from the session that runs the
// four of them so the wiring that matters for correctness (upgrading pulled documents,
// tombstones, push-only device statuses) is the same in the app and in tests.

import type { RxCollection, WithDeleted } from 'rxdb';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { CollectionName, DocumentOf } from '$lib/db/collections';
import type { DeviceDatabase } from '$lib/db/database';
import { upgradeDocument } from '$lib/db/schema-versions';

/** Large pages make the first pull of a group (thousands of records) take few round trips. */
export const PULL_BATCH_SIZE = 200;
/** Every pushed batch costs three round trips through the gateway (read, write, the stamped
 * copies back): 500 declarations made offline went up in 3.7 s in batches of 50 and 2.3 s in
 * batches of 250 (bench/browser-sync.ts). A batch of 250 declarations is about 0.3 MB. */
export const PUSH_BATCH_SIZE = 250;

export type CollectionReplicationOptions<N extends CollectionName> = {
	db: DeviceDatabase;
	name: N;
	/** `<origin>/db/<ward database>/`, with the trailing slash. */
	url: string;
	/** Names the checkpoint; the same ward database must always give the same one. */
	identifier: string;
	fetch: typeof fetch;
	live: boolean;
	retryTime: number;
	autoStart?: boolean;
};

export type CollectionReplication<N extends CollectionName> = RxCouchDBReplicationState<
	DocumentOf[N]
>;

/**
 * A deletion arrives as `_id`, `_rev`, `_deleted` only (rxdb issue 7444); the device keeps its
 * last copy's fields so the record stays readable in its deleted state.
 */
async function withLastKnownFields<T>(
	collection: RxCollection<T>,
	pulled: WithDeleted<T> & { id: string }
): Promise<WithDeleted<T>> {
	if (!pulled._deleted || 'type' in pulled) return pulled;
	const local = await collection.findOne(pulled.id).exec();
	return local ? { ...(local.toJSON() as T), _deleted: true } : pulled;
}

export function replicateCollection<N extends CollectionName>(
	options: CollectionReplicationOptions<N>
): CollectionReplication<N> {
	const collection = options.db.rx[options.name] as unknown as RxCollection<DocumentOf[N]>;
	const definition = options.db.definitions[options.name];
	const isPushOnly = options.name === 'device_statuses';
	return replicateCouchDB<DocumentOf[N]>({
		replicationIdentifier: `${options.identifier}:${options.name}`,
		collection,
		url: options.url,
		fetch: options.fetch,
		live: options.live,
		retryTime: options.retryTime,
		autoStart: options.autoStart ?? true,
		waitForLeadership: true,
		push: { batchSize: PUSH_BATCH_SIZE },
		pull: isPushOnly
			? undefined
			: {
					batchSize: PULL_BATCH_SIZE,
					modifier: async (pulled: WithDeleted<DocumentOf[N]> & { id: string }) =>
						upgradeDocument(definition, await withLastKnownFields(collection, pulled))
				}
	});
}
