// What the sync is doing, for the person holding the phone ("3 records not sent yet") and for
// the device status the supervisors see. Plain state with subscribers, no UI framework: the
// Svelte wrapper is sync-status.svelte.ts.

import { BehaviorSubject, type Observable } from 'rxjs';
import type { MessageKey } from '$lib/domain';

export type SyncError = {
	key: MessageKey;
	/** What went wrong in technical words (status code, server reason), for support. */
	detail: string;
	at: string;
};

export type RefusedRecord = { id: string; reason: string };

export type SyncStatus = {
	isOnline: boolean;
	isPushing: boolean;
	isPulling: boolean;
	/** Records changed on this device that the server has not acknowledged yet. */
	waiting: number;
	/** When the oldest of them was written on this device; null when none waits. */
	oldestWaitingAt: string | null;
	lastPushAt: string | null;
	lastPullAt: string | null;
	/** The last time the server answered a push or a pull. */
	lastSuccessAt: string | null;
	/** The last failure; older than lastSuccessAt means it has since recovered. */
	lastError: SyncError | null;
	/** Records edited here and on the server at once, settled by keeping the server's copy. */
	conflicts: number;
	/** Records the gateway refused in this session (they stay waiting until corrected). */
	refused: RefusedRecord[];
};

export const INITIAL_SYNC_STATUS: SyncStatus = {
	isOnline: true,
	isPushing: false,
	isPulling: false,
	waiting: 0,
	oldestWaitingAt: null,
	lastPushAt: null,
	lastPullAt: null,
	lastSuccessAt: null,
	lastError: null,
	conflicts: 0,
	refused: []
};

export class SyncStatusStore {
	readonly #state = new BehaviorSubject<SyncStatus>(INITIAL_SYNC_STATUS);
	readonly status$: Observable<SyncStatus> = this.#state.asObservable();

	get current(): SyncStatus {
		return this.#state.value;
	}

	/** Calls the listener now and on every change (the Svelte store contract). */
	subscribe(listener: (status: SyncStatus) => void): () => void {
		const subscription = this.#state.subscribe(listener);
		return () => subscription.unsubscribe();
	}

	update(patch: Partial<SyncStatus>): void {
		const current = this.#state.value;
		const changed = (Object.keys(patch) as (keyof SyncStatus)[]).some(
			(key) => patch[key] !== current[key]
		);
		if (changed) this.#state.next({ ...current, ...patch });
	}

	/** No more changes will come (the sync session stopped). */
	complete(): void {
		this.#state.complete();
	}
}
