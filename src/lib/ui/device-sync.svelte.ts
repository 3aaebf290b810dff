// Runs the ward sync for the signed-in user and gives the indicator what to show. The sync
// starts only once the server has confirmed a session for this very user (an offline sign-in
// on a shared phone may still carry another person's cookie); until then the waiting count
// comes straight from the device database, so it is right offline too.
//
// The replication engine (RxDB's replication plugins and the ward sync) is loaded when the
// sync starts, not with the first screen: the household list reads the device database
// alone, and the service worker precaches the engine's chunk for offline starts.

import type { Subscription } from 'rxjs';
import type { DeviceDatabase } from '$lib/db';
import type { SessionUser } from '$lib/domain';
import type { WardSync } from '$lib/sync';
import { browserOnlineSignal } from '$lib/sync/online';
import type { QrIndexKeeper } from '$lib/sync/qr-index-refresh';
import { scansHouseholds, type QrIndexRefresh } from '$lib/sync/qr-index';
import { syncStatusState, type SyncStatusState } from '$lib/sync/sync-status.svelte';
import { NOTHING_WAITING, waiting$, type Waiting } from '$lib/sync/waiting';
import type { SyncView } from './sync-summary';

class DeviceSync {
	#online = $state(true);
	#localWaiting = $state.raw<Waiting>(NOTHING_WAITING);
	#sync = $state.raw<{ db: DeviceDatabase; ward: WardSync; status: SyncStatusState } | null>(null);
	#watched: { db: DeviceDatabase; subscription: Subscription } | null = null;
	#qrIndex: QrIndexKeeper | null = null;
	#stopping: Promise<void> = Promise.resolve();
	/** Counts starts and stops, so a start whose engine arrives after a stop does nothing. */
	#generation = 0;

	constructor() {
		const signal = browserOnlineSignal();
		this.#online = signal.isOnline;
		signal.subscribe((isOnline) => (this.#online = isOnline));
	}

	/** Counts this device's unsent records from its database, whether or not sync runs. */
	watch(db: DeviceDatabase | null): void {
		if (this.#watched?.db === db) return;
		this.#watched?.subscription.unsubscribe();
		this.#watched = null;
		this.#localWaiting = NOTHING_WAITING;
		if (!db) return;
		const subscription = waiting$(db).subscribe((waiting) => (this.#localWaiting = waiting));
		this.#watched = { db, subscription };
	}

	/** Starts the sync of this database; a second call for the same one does nothing. */
	async start(db: DeviceDatabase, user: SessionUser): Promise<void> {
		if (this.#sync?.db === db || !user.ward) return;
		await this.stop();
		const generation = this.#generation;
		const [{ startWardSync }, { keepQrIndexFresh }] = await Promise.all([
			import('$lib/sync/ward-sync'),
			import('$lib/sync/qr-index-refresh')
		]);
		if (generation !== this.#generation || this.#sync !== null) return;
		const ward = startWardSync({ db, user });
		this.#sync = { db, ward, status: syncStatusState(ward.status) };
		// The scanner's offline look-up needs the same confirmed session as the sync.
		if (scansHouseholds(user.role)) {
			this.#qrIndex = keepQrIndexFresh({ username: user.username, store: localStorage });
		}
		// So that a first declaration made offline later shows the ward's current text. Loaded
		// here, not with the first screen: only the declaration form shows the text.
		if (user.role === 'resident' || user.role === 'collaborator') {
			void import('$lib/sync/consent-text').then(({ refreshConsentText }) =>
				refreshConsentText({ store: localStorage })
			);
		}
	}

	/** Stops the sync (before its database closes); safe to call when none runs. */
	stop(): Promise<void> {
		this.#generation += 1;
		const running = this.#sync;
		this.#sync = null;
		this.#qrIndex?.stop();
		this.#qrIndex = null;
		if (running) this.#stopping = running.ward.stop();
		return this.#stopping;
	}

	/** "Sync now": checks the server both ways from the saved checkpoints. */
	reSync(): void {
		this.#sync?.ward.reSync();
	}

	/** Asks the server for this user's QR index now; null while sync does not run. */
	refreshQrIndex(): Promise<QrIndexRefresh> | null {
		return this.#qrIndex?.refresh() ?? null;
	}

	get isRunning(): boolean {
		return this.#sync !== null;
	}

	get view(): SyncView {
		const status = this.#sync?.status;
		if (!status) {
			return {
				online: this.#online,
				pushing: false,
				pulling: false,
				waiting: this.#localWaiting.count,
				oldestWaitingAt: this.#localWaiting.oldestAt,
				lastSuccessAt: null,
				lastError: null
			};
		}
		const current = status.current;
		return {
			online: current.isOnline,
			pushing: current.isPushing,
			pulling: current.isPulling,
			waiting: current.waiting,
			oldestWaitingAt: current.oldestWaitingAt,
			lastSuccessAt: current.lastSuccessAt,
			lastError: current.lastError
		};
	}
}

export const deviceSync = new DeviceSync();
