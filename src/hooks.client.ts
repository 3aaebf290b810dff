// Before any screen reads localStorage, the entries a killed browser may have lost (who is
// signed in, the device id) are put back from IndexedDB (src/lib/db/durable-local-storage.ts).

import type { ClientInit } from '@sveltejs/kit';
import { durableLocalStorage } from '$lib/db/durable-local-storage';
import { session } from '$lib/session';

/** A blocked IndexedDB must not keep the app from opening. */
const RESTORE_TIMEOUT_MS = 2_000;

export const init: ClientInit = async () => {
	const store = durableLocalStorage();
	if (!store) return;
	try {
		const restored = await Promise.race([
			store.restore(),
			new Promise<number>((resolve) => setTimeout(() => resolve(0), RESTORE_TIMEOUT_MS))
		]);
		if (restored > 0) session.reload();
	} catch (failure) {
		console.warn('Could not put back the kept device entries', failure);
	}
};
