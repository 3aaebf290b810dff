// Whether to ask an iPhone or iPad user to add the app to the home screen. Safari deletes a
// site's script-written storage (IndexedDB, localStorage, the service worker's cache) after 7
// days of use without a visit; a web app opened from the home screen is exempt. Every browser
// on iOS is WebKit underneath, so the prompt is for all of them, not Safari's name alone.

export const HOME_SCREEN_DISMISSED_KEY = 'hssk_home_screen_dismissed';

/** The parts of `navigator` and `matchMedia` the decision reads, so tests can pass fakes. */
export type BrowserFacts = {
	userAgent: string;
	platform: string;
	maxTouchPoints: number;
	/** Safari's own flag, true when opened from the home screen. */
	standalone?: boolean;
	/** `matchMedia('(display-mode: standalone)').matches` (iOS 16.4+ honours the manifest). */
	displayStandalone: boolean;
};

type NavigatorLike = Pick<Navigator, 'userAgent' | 'platform' | 'maxTouchPoints'> & {
	standalone?: boolean;
};

export function browserFacts(
	nav: NavigatorLike,
	matchMedia: ((query: string) => { matches: boolean }) | undefined
): BrowserFacts {
	return {
		userAgent: nav.userAgent,
		platform: nav.platform,
		maxTouchPoints: nav.maxTouchPoints,
		standalone: nav.standalone,
		displayStandalone: matchMedia?.('(display-mode: standalone)').matches ?? false
	};
}

/**
 * iPhone, iPod or iPad. Since iPadOS 13 an iPad asks for desktop sites and calls itself
 * "Macintosh" with platform "MacIntel"; no Mac has a touch screen, so touch points tell them
 * apart.
 */
export function isAppleMobile(facts: BrowserFacts): boolean {
	if (/\b(iPhone|iPad|iPod)\b/.test(facts.userAgent)) return true;
	return facts.platform === 'MacIntel' && facts.maxTouchPoints > 1;
}

export function isStandalone(facts: BrowserFacts): boolean {
	return facts.standalone === true || facts.displayStandalone;
}

export function needsHomeScreenPrompt(facts: BrowserFacts): boolean {
	return isAppleMobile(facts) && !isStandalone(facts);
}

type DismissalStore = Pick<Storage, 'getItem' | 'setItem'>;

export function isHomeScreenPromptDismissed(store: DismissalStore): boolean {
	try {
		return store.getItem(HOME_SCREEN_DISMISSED_KEY) !== null;
	} catch {
		return false;
	}
}

/** Remembered on this device (when, for support), so the prompt does not come back. */
export function dismissHomeScreenPrompt(store: DismissalStore, now: Date = new Date()): void {
	try {
		store.setItem(HOME_SCREEN_DISMISSED_KEY, now.toISOString());
	} catch {
		// Private browsing with storage full or off: the prompt comes back next visit.
	}
}
