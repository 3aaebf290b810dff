import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	browserFacts,
	dismissHomeScreenPrompt,
	HOME_SCREEN_DISMISSED_KEY,
	isHomeScreenPromptDismissed,
	needsHomeScreenPrompt
} from './home-screen';

const IPHONE_SAFARI =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPHONE_CHROME =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP_MODE =
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const ANDROID_CHROME =
	'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

type FakeNavigator = {
	userAgent: string;
	platform: string;
	maxTouchPoints: number;
	standalone?: boolean;
};

function facts(nav: FakeNavigator, displayMode: 'browser' | 'standalone' = 'browser') {
	const matchMedia = (query: string) => ({
		matches: query === '(display-mode: standalone)' && displayMode === 'standalone'
	});
	return browserFacts(nav, matchMedia);
}

const iPhone: FakeNavigator = {
	userAgent: IPHONE_SAFARI,
	platform: 'iPhone',
	maxTouchPoints: 5,
	standalone: false
};

describe('asking iPhone users to add the app to the home screen', () => {
	it('asks in Safari on an iPhone, and in the other iOS browsers (all WebKit)', () => {
		expect(needsHomeScreenPrompt(facts(iPhone))).toBe(true);
		expect(needsHomeScreenPrompt(facts({ ...iPhone, userAgent: IPHONE_CHROME }))).toBe(true);
	});

	it('does not ask once the app runs from the home screen, by either signal', () => {
		expect(needsHomeScreenPrompt(facts({ ...iPhone, standalone: true }))).toBe(false);
		expect(needsHomeScreenPrompt(facts(iPhone, 'standalone'))).toBe(false);
	});

	it('knows an iPad that asks for desktop sites by its touch screen', () => {
		const iPad = { userAgent: IPAD_DESKTOP_MODE, platform: 'MacIntel', maxTouchPoints: 5 };
		expect(needsHomeScreenPrompt(facts({ ...iPad, standalone: false }))).toBe(true);
		const mac = { userAgent: IPAD_DESKTOP_MODE, platform: 'MacIntel', maxTouchPoints: 0 };
		expect(needsHomeScreenPrompt(facts(mac))).toBe(false);
	});

	it('does not ask on Android or a desktop, where no 7-day rule applies', () => {
		const android = { userAgent: ANDROID_CHROME, platform: 'Linux armv81', maxTouchPoints: 5 };
		expect(needsHomeScreenPrompt(facts(android))).toBe(false);
		expect(needsHomeScreenPrompt(facts(android, 'standalone'))).toBe(false);
	});

	it('reads no display mode where matchMedia is missing', () => {
		expect(browserFacts(iPhone, undefined).displayStandalone).toBe(false);
	});
});

describe('remembering that the prompt was dismissed', () => {
	function memoryStore() {
		const values = new Map<string, string>();
		return {
			values,
			getItem: (key: string) => values.get(key) ?? null,
			setItem: (key: string, value: string) => void values.set(key, value)
		};
	}

	it('keeps the dismissal on the device', () => {
		const store = memoryStore();
		expect(isHomeScreenPromptDismissed(store)).toBe(false);
		dismissHomeScreenPrompt(store, new Date('2026-12-01T02:00:00Z'));
		expect(isHomeScreenPromptDismissed(store)).toBe(true);
		expect(store.values.get(HOME_SCREEN_DISMISSED_KEY)).toBe('2026-12-01T02:00:00.000Z');
	});

	it('survives a storage that throws (private browsing), showing the prompt again', () => {
		const broken = {
			getItem: (): string | null => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		expect(() => dismissHomeScreenPrompt(broken)).not.toThrow();
		expect(isHomeScreenPromptDismissed(broken)).toBe(false);
	});
});

describe('the web app manifest', () => {
	const manifest = JSON.parse(readFileSync('static/manifest.webmanifest', 'utf8')) as {
		display: string;
		start_url: string;
		scope: string;
	};

	it('opens the app from the home screen standalone, at a page inside its scope', () => {
		expect(manifest.display).toBe('standalone');
		expect(manifest.start_url.startsWith(manifest.scope)).toBe(true);
	});

	it('is linked from the page with a PNG icon iOS can use', () => {
		const page = readFileSync('src/app.html', 'utf8');
		expect(page).toContain('rel="manifest" href="%sveltekit.assets%/manifest.webmanifest"');
		expect(page).toMatch(/rel="apple-touch-icon" href="[^"]+\.png"/);
		expect(readFileSync('static/apple-touch-icon.png').subarray(1, 4).toString()).toBe('PNG');
	});
});
