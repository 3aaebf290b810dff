// The words the device has loaded: the first screen's from the start, the other screens'
// once `loadFeatureWords` resolved (the root layout awaits it before any other screen
// renders). The full table (dictionary.ts) stays the source of the keys' type.

import type { Language } from '$lib/domain';
import type { UiKey } from './dictionary';
import { FIRST_WORDS } from './first-words';

type Entry = Readonly<Record<Language, string>>;

const loaded: Partial<Record<UiKey, Entry>> = { ...FIRST_WORDS };
let features: Promise<void> | null = null;

export function loadedWord(key: UiKey): Entry | undefined {
	return loaded[key];
}

/** Loads the other screens' words once; a failed load is tried again by the next call. */
export function loadFeatureWords(): Promise<void> {
	features ??= import('./feature-words').then(
		({ FEATURE_WORDS }) => void Object.assign(loaded, FEATURE_WORDS),
		(failure: unknown) => {
			features = null;
			throw failure;
		}
	);
	return features;
}
