// What the always-visible sync indicator says, decided apart from how it looks: online or
// not, how many records wait to be sent and for how long ("3 chưa gửi · lâu nhất 2 giờ"), or
// "Đã đồng bộ" when none do.

import { formatDate, type MessageKey } from '$lib/domain';
import type { Params, UiKey } from '$lib/i18n';
import { waitingAge } from './waiting-age';

/** The sync state the indicator needs, whatever the sync module calls it. */
export type SyncView = {
	online: boolean;
	pushing: boolean;
	pulling: boolean;
	/** Records on this device the server has not yet accepted. */
	waiting: number;
	/** When the oldest of them was written here; null when none waits. */
	oldestWaitingAt: string | null;
	lastSuccessAt: string | null;
	/** The last failure; one older than the last success has since recovered. */
	lastError: { key: MessageKey; detail: string; at: string } | null;
};

export type Phrase = { key: UiKey; params?: Params };

export type SyncSummary = {
	connection: Phrase;
	state: Phrase;
	/** How long the oldest unsent record has waited; null when none waits. */
	age: Phrase | null;
	last: Phrase;
	/** A rule message (domain MessageKey) for a failure not yet recovered from. */
	error: MessageKey | null;
	isOnline: boolean;
	hasWaiting: boolean;
	isActive: boolean;
};

/** `HH:mm dd/mm/yyyy`, local time: how a collaborator reads "when". */
export function formatDateTime(iso: string): string {
	const instant = new Date(iso);
	if (Number.isNaN(instant.getTime())) return iso;
	const time = `${String(instant.getHours()).padStart(2, '0')}:${String(instant.getMinutes()).padStart(2, '0')}`;
	return `${time} ${formatDate(iso)}`;
}

function isCurrent(view: SyncView): boolean {
	if (!view.lastError) return false;
	return !view.lastSuccessAt || view.lastError.at > view.lastSuccessAt;
}

export function summarizeSync(view: SyncView, now: Date = new Date()): SyncSummary {
	// Sending and receiving come and go every few seconds; as words they would make a screen
	// reader repeat itself, so they show as a moving icon only.
	// "Synced" speaks of sending: nothing made on this device is missing from the server.
	const state: Phrase =
		view.waiting > 0
			? { key: 'sync.waiting', params: { count: view.waiting } }
			: { key: 'sync.synced' };
	return {
		connection: { key: view.online ? 'sync.online' : 'sync.offline' },
		state,
		age:
			view.waiting > 0 && view.oldestWaitingAt !== null
				? waitingAge(view.oldestWaitingAt, now)
				: null,
		last: view.lastSuccessAt
			? { key: 'sync.last_success', params: { time: formatDateTime(view.lastSuccessAt) } }
			: { key: 'sync.never' },
		error: isCurrent(view) ? (view.lastError?.key ?? null) : null,
		isOnline: view.online,
		hasWaiting: view.waiting > 0,
		isActive: view.online && (view.pushing || view.pulling)
	};
}
