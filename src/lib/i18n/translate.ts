// Looks words up in the interface table and fills their {placeholders}; pure, so the
// reactive wrapper stays a one-liner and the wording can be tested without a browser.

import type { Language } from '$lib/domain';
import type { UiKey } from './dictionary';
import { loadedWord } from './loaded-words';

export type Params = Record<string, string | number>;

export const LANGUAGES: readonly Language[] = ['vi', 'en'];

export function isLanguage(value: unknown): value is Language {
	return value === 'vi' || value === 'en';
}

/** A key whose table is not loaded yet shows as the key, never as a crash or a blank. */
export function translate(key: UiKey, language: Language, params: Params = {}): string {
	const entry = loadedWord(key);
	if (!entry) return key;
	return entry[language].replace(/\{(\w+)\}/g, (whole, name: string) =>
		Object.hasOwn(params, name) ? String(params[name]) : whole
	);
}

/** One language's half of a server reason written "Vietnamese / English" (domain `bilingual`). */
export function pickBilingual(text: string, language: Language): string {
	const halves = text.split(' / ');
	if (halves.length !== 2) return text;
	return language === 'vi' ? halves[0] : halves[1];
}
