// A short confirmation that survives one navigation ("Đã lưu trên máy" after a save sends
// the person back), shown on the page it was meant for and gone after the next move.

import type { UiKey } from '$lib/i18n';

class Flash {
	#key = $state<UiKey | null>(null);
	#path = $state<string | null>(null);

	/** Shows `key` on the page at `path` (the one the save returns to). */
	show(key: UiKey, path: string): void {
		this.#key = key;
		this.#path = path;
	}

	/** The message for the page now open; a flash for another page is dropped. */
	on(path: string): UiKey | null {
		return this.#path === path ? this.#key : null;
	}

	/** Called on every navigation that leaves the flashed page. */
	leave(path: string): void {
		if (this.#path !== null && this.#path !== path) {
			this.#key = null;
			this.#path = null;
		}
	}
}

export const flash = new Flash();
