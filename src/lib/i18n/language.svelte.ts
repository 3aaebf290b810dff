// The chosen language as reactive state: Vietnamese unless the person switched, and the
// switch is remembered on the device so the next visit opens in the same language.

import { message as domainMessage, type Language } from '$lib/domain';
import type { UiKey } from './dictionary';
import { isLanguage, translate, type Params } from './translate';

export const LANGUAGE_STORAGE_KEY = 'hssk_language';

class LanguageState {
	#current = $state<Language>('vi');

	constructor() {
		if (typeof localStorage === 'undefined') return;
		const saved = localStorage.getItem(LANGUAGE_STORAGE_KEY);
		if (isLanguage(saved)) this.#current = saved;
	}

	get current(): Language {
		return this.#current;
	}

	set current(language: Language) {
		this.#current = language;
		if (typeof localStorage !== 'undefined') localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
	}

	toggle(): void {
		this.current = this.#current === 'vi' ? 'en' : 'vi';
	}
}

export const language = new LanguageState();

/** An interface word in the chosen language; re-renders when the language changes. */
export function t(key: UiKey, params?: Params): string {
	return translate(key, language.current, params);
}

/** A rule's message (a domain MessageKey) in the chosen language. */
export function m(key: string): string {
	return domainMessage(key, language.current);
}
