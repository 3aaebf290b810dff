// When the device asks for a fresh QR index: as the sync starts, each time the network comes
// back, and now and then while online, since ward staff may print new sheets during the day
// and a collaborator in the field should find them without restarting the app.

import { browserOnlineSignal, type OnlineSignal } from './online';
import { refreshQrIndex, type QrIndexRefresh, type QrIndexRefreshOptions } from './qr-index';

/** 15 minutes: one small request, and new sheets are rare. */
export const QR_INDEX_REFRESH_INTERVAL_MS = 15 * 60 * 1000;

export type QrIndexKeeper = {
	/** Asks now (unless a request is already out); resolves with that request's outcome. */
	refresh(): Promise<QrIndexRefresh>;
	stop(): void;
};

export type QrIndexKeeperOptions = QrIndexRefreshOptions & {
	online?: OnlineSignal;
	intervalMs?: number;
};

export function keepQrIndexFresh(options: QrIndexKeeperOptions): QrIndexKeeper {
	const online = options.online ?? browserOnlineSignal();
	let inFlight: Promise<QrIndexRefresh> | null = null;
	let isStopped = false;

	function refresh(): Promise<QrIndexRefresh> {
		if (isStopped) return Promise.resolve({ ok: false, reason: 'network' });
		inFlight ??= refreshQrIndex(options).finally(() => (inFlight = null));
		return inFlight;
	}

	const whenOnline = () => {
		if (online.isOnline) void refresh();
	};
	const stopListening = online.subscribe(whenOnline);
	const timer = setInterval(whenOnline, options.intervalMs ?? QR_INDEX_REFRESH_INTERVAL_MS);
	whenOnline();

	return {
		refresh,
		stop() {
			isStopped = true;
			stopListening();
			clearInterval(timer);
		}
	};
}
