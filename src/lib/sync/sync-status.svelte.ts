// The sync status as Svelte state: read `status.waiting` in a component or a $derived and it
// updates by itself. The store underneath (sync-status.ts) knows nothing of Svelte.
//
//   const status = syncStatusState(sync.status);
//   {#if status.waiting > 0}{status.waiting} hồ sơ chưa gửi{/if}

import { skip } from 'rxjs';
import { createSubscriber } from 'svelte/reactivity';
import type { RefusedRecord, SyncError, SyncStatus, SyncStatusStore } from './sync-status';

class SyncStatusState {
	readonly #store: SyncStatusStore;
	readonly #track: () => void;

	constructor(store: SyncStatusStore) {
		this.#store = store;
		this.#track = createSubscriber((update) => {
			// The store replays its current value on subscribe; only later changes are news.
			const subscription = store.status$.pipe(skip(1)).subscribe(() => update());
			return () => subscription.unsubscribe();
		});
	}

	get current(): SyncStatus {
		this.#track();
		return this.#store.current;
	}
	get isOnline(): boolean {
		return this.current.isOnline;
	}
	get isPushing(): boolean {
		return this.current.isPushing;
	}
	get isPulling(): boolean {
		return this.current.isPulling;
	}
	get waiting(): number {
		return this.current.waiting;
	}
	get oldestWaitingAt(): string | null {
		return this.current.oldestWaitingAt;
	}
	get lastSuccessAt(): string | null {
		return this.current.lastSuccessAt;
	}
	get lastError(): SyncError | null {
		return this.current.lastError;
	}
	get conflicts(): number {
		return this.current.conflicts;
	}
	get refused(): RefusedRecord[] {
		return this.current.refused;
	}
}

export type { SyncStatusState };

export function syncStatusState(store: SyncStatusStore): SyncStatusState {
	return new SyncStatusState(store);
}
