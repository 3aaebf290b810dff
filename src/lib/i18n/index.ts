// The interface's languages: one import for screens.

export type { UiKey } from './dictionary';
export { isLanguage, LANGUAGES, pickBilingual, translate, type Params } from './translate';
export { language, LANGUAGE_STORAGE_KEY, m, t } from './language.svelte';
export { loadFeatureWords } from './loaded-words';
