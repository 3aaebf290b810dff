// A Storage-shaped map for tests that run outside a browser.

import type { KeyValueStore } from './saved-accounts';

export function memoryStore(): KeyValueStore & { entries: Map<string, string> } {
	const entries = new Map<string, string>();
	return {
		entries,
		getItem: (key) => entries.get(key) ?? null,
		setItem: (key, value) => void entries.set(key, String(value)),
		removeItem: (key) => void entries.delete(key)
	};
}
