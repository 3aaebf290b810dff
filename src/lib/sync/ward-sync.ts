// Keeps the device database in step with the user's ward database through the sync gateway:
// one RxDB CouchDB replication per collection against `<origin>/db/<ward database>/`, live
// while online, paused offline, resumed (and re-checked from its checkpoint) on coming back.
//
//   const sync = startWardSync({ db, user });        // user: the SessionUser signed in
//   sync.status.subscribe((status) => …)             // or the runes wrapper, sync-status.svelte.ts
//   sync.reSync()                                    // "sync now"
//   await sync.stop()                                // on sign-out, before db.close()

import { Subscription } from 'rxjs';
import { RECORD_COLLECTIONS, TYPE_OF_COLLECTION, type CollectionName } from '$lib/db/collections';
import type { DeviceDatabase } from '$lib/db/database';
import type { SessionUser } from '$lib/domain';
import { APP_VERSION } from './app-version';
import { Backoff, DEFAULT_RETRY, type RetryBounds } from './backoff';
import { replicateCollection, type CollectionReplication } from './collection-replication';
import { DeviceReporter } from './device-report';
import { ErasureDrop, fetchErasureNotices, type ReplicationMeta } from './erasure-drop';
import { gatewayFetch, type GatewayObservation } from './gateway-fetch';
import { browserOnlineSignal, type OnlineSignal } from './online';
import { SyncStatusStore, type SyncError } from './sync-status';
import { waiting$ } from './waiting';

export type WardSyncOptions = {
	db: DeviceDatabase;
	user: Pick<SessionUser, 'username' | 'ward'>;
	/** Where the app server is; the page's own origin by default. */
	origin?: string;
	/** The fetch underneath; Node has no cookie jar, so tests pass one that sends the cookie. */
	fetch?: typeof fetch;
	online?: OnlineSignal;
	appVersion?: string;
	/** Device status reports are at most this often (1 minute); tests shorten it. */
	reportIntervalMs?: number;
	/** Waits between retries after a failure (2 s doubling to 1 minute); tests shorten them. */
	retry?: RetryBounds;
};

export type WardSync = {
	readonly status: SyncStatusStore;
	/** Checks the server now for changes both ways, from the saved checkpoints. */
	reSync(): void;
	/** Resolves once everything local is pushed and everything remote is pulled (online only). */
	awaitInSync(): Promise<void>;
	stop(): Promise<void>;
};

const SYNCED_COLLECTIONS: CollectionName[] = [...RECORD_COLLECTIONS, 'device_statuses'];
/** A replication error this soon after a failed request is that failure, already shown. */
const SAME_FAILURE_MS = 2_000;

type Running = { replication: CollectionReplication<CollectionName>; isStarted: boolean };

/**
 * Starts a replication that never ran, or resumes a paused one the way RxDB's own start()
 * does (unpause, then RESYNC from the checkpoint) without calling start() again: the CouchDB
 * plugin opens one more long poll on every start() call, and they would pile up.
 */
function resume(running: Running): void {
	const { replication } = running;
	if (!running.isStarted) {
		running.isStarted = true;
		void replication.start();
		return;
	}
	replication.startQueue = replication.startQueue.then(() => {
		replication.internalReplicationState?.events.paused.next(false);
		replication.reSync();
	});
}

export function startWardSync(options: WardSyncOptions): WardSync {
	const { db, user } = options;
	const ward = user.ward;
	if (!ward) throw new Error(`${user.username} has no ward database to sync`);
	const origin = options.origin ?? (typeof location === 'undefined' ? '' : location.origin);
	const url = `${origin}/db/${ward.database}/`;
	const online = options.online ?? browserOnlineSignal();
	const status = new SyncStatusStore();
	const aborter = new AbortController();
	const subscriptions = new Subscription();
	const reporter = new DeviceReporter({
		db,
		ward: ward.code,
		appVersion: options.appVersion ?? APP_VERSION,
		read: () => status.current,
		intervalMs: options.reportIntervalMs
	});
	const activity = new Map<string, boolean>();
	let lastFailureAt = -Infinity;

	status.update({ isOnline: online.isOnline });

	function setActivity(key: string, isActive: boolean) {
		activity.set(key, isActive);
		const any = (direction: string) =>
			[...activity].some(([name, active]) => active && name.endsWith(direction));
		status.update({ isPushing: any(':up'), isPulling: any(':down') });
	}

	function recordError(error: Omit<SyncError, 'at'>) {
		// Failures while offline are the expected state, not news.
		if (!online.isOnline) return;
		status.update({ lastError: { ...error, at: new Date().toISOString() } });
	}

	function observe(name: CollectionName, backoff: Backoff, event: GatewayObservation) {
		if (event.kind === 'erased') {
			void erasures.apply(event.notices);
		} else if (event.kind === 'failed') {
			lastFailureAt = Date.now();
			recordError({ key: event.key, detail: event.detail });
		} else if (event.kind === 'refused') {
			const refused = [...status.current.refused, ...event.records];
			status.update({ refused });
			recordError({
				key: 'sync.refused',
				detail: event.records.map((record) => `${record.id}: ${record.reason}`).join('; ')
			});
		} else if (event.operation !== 'other') {
			backoff.reset();
			const at = new Date().toISOString();
			status.update({
				lastSuccessAt: at,
				...(event.operation === 'push' ? { lastPushAt: at } : { lastPullAt: at })
			});
			// The status record's own push must not cause the next report.
			if (name !== 'device_statuses') reporter.report();
		}
	}

	const replications = SYNCED_COLLECTIONS.map((name) => {
		const backoff = new Backoff(options.retry ?? DEFAULT_RETRY);
		const replication: CollectionReplication<CollectionName> = replicateCollection({
			db,
			name,
			url,
			identifier: ward.database,
			fetch: gatewayFetch({
				recordType: TYPE_OF_COLLECTION[name],
				base: options.fetch,
				signal: aborter.signal,
				observe: (event) => observe(name, backoff, event),
				receipts: name !== 'device_statuses'
			}),
			live: true,
			retryTime: backoff.first,
			// Offline at start: the first `online` event starts it.
			autoStart: online.isOnline
		});
		subscriptions.add(
			replication.error$.subscribe((error) => {
				// RxDB reads retryTime after emitting, so this sets the wait before the retry.
				replication.retryTime = backoff.fail();
				if (Date.now() - lastFailureAt > SAME_FAILURE_MS) {
					recordError({ key: 'sync.failed', detail: error.message.slice(0, 300) });
				}
			})
		);
		void replication.startPromise.then(() => {
			const events = replication.internalReplicationState?.events;
			if (!events || aborter.signal.aborted) return;
			subscriptions.add(events.active.up.subscribe((on) => setActivity(`${name}:up`, on)));
			subscriptions.add(events.active.down.subscribe((on) => setActivity(`${name}:down`, on)));
		});
		return { name, replication, backoff, isStarted: online.isOnline };
	});

	const erasures = new ErasureDrop({
		db,
		replications: () =>
			replications.map(({ replication }): ReplicationMeta => ({
				metaInstance: replication.metaInstance as ReplicationMeta['metaInstance'],
				awaitInSync: () => replication.awaitInSync()
			}))
	});
	async function applyErasureNotices() {
		const notices = await fetchErasureNotices(
			origin,
			options.fetch ?? globalThis.fetch.bind(globalThis)
		);
		if (notices && notices.length > 0 && !aborter.signal.aborted) await erasures.apply(notices);
	}
	if (online.isOnline) void applyErasureNotices();

	subscriptions.add(
		waiting$(db).subscribe((waiting) => {
			status.update({ waiting: waiting.count, oldestWaitingAt: waiting.oldestAt });
			reporter.report();
		})
	);
	subscriptions.add(
		db.conflicts$.subscribe((conflict) => {
			console.warn(
				`Sync conflict on ${conflict.id}: kept the ${conflict.kept} copy`,
				conflict.clashes.length > 0 ? conflict.clashes : conflict.dropped
			);
			status.update({ conflicts: status.current.conflicts + 1 });
		})
	);

	async function goOnline() {
		status.update({ isOnline: true });
		// Started by hand (it was offline at launch): still only the leading tab replicates.
		if (db.rx.multiInstance) await db.rx.waitForLeadership();
		for (const entry of replications) {
			entry.backoff.reset();
			entry.replication.retryTime = entry.backoff.first;
			resume(entry);
		}
		void applyErasureNotices();
	}

	async function goOffline() {
		status.update({ isOnline: false, isPushing: false, isPulling: false });
		await Promise.all(replications.map(({ replication }) => replication.pause()));
	}

	const stopListening = online.subscribe((isOnline) => {
		void (isOnline ? goOnline() : goOffline());
	});
	if (!online.isOnline) status.update({ isOnline: false });

	return {
		status,
		reSync() {
			for (const { replication } of replications) replication.reSync();
		},
		async awaitInSync() {
			await Promise.all(replications.map(({ replication }) => replication.awaitInSync()));
		},
		async stop() {
			stopListening();
			aborter.abort();
			await Promise.all(replications.map(({ replication }) => replication.cancel()));
			await reporter.stop();
			subscriptions.unsubscribe();
			status.complete();
		}
	};
}
