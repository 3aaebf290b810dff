// Whether the device has a network, as the sync needs it: a current value and a way to hear
// changes. The browser's is navigator.onLine and its events; a switch stands in where there
// is no browser (Node tests) or where a person chooses to work offline.

export type OnlineSignal = {
	readonly isOnline: boolean;
	/** Calls back on every change; returns the way to stop listening. */
	subscribe(listener: (isOnline: boolean) => void): () => void;
};

/** navigator.onLine with the window's online/offline events; online where there is no window. */
export function browserOnlineSignal(): OnlineSignal {
	const hasWindow = typeof window !== 'undefined' && typeof navigator !== 'undefined';
	return {
		get isOnline() {
			return hasWindow ? navigator.onLine : true;
		},
		subscribe(listener) {
			if (!hasWindow) return () => {};
			const online = () => listener(true);
			const offline = () => listener(false);
			window.addEventListener('online', online);
			window.addEventListener('offline', offline);
			return () => {
				window.removeEventListener('online', online);
				window.removeEventListener('offline', offline);
			};
		}
	};
}

export type OnlineSwitch = OnlineSignal & { set(isOnline: boolean): void };

export function onlineSwitch(initial = true): OnlineSwitch {
	let isOnline = initial;
	const listeners = new Set<(isOnline: boolean) => void>();
	return {
		get isOnline() {
			return isOnline;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		set(next) {
			if (next === isOnline) return;
			isOnline = next;
			for (const listener of listeners) listener(next);
		}
	};
}
