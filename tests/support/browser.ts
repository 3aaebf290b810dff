// Launches Debian's Chromium for the end-to-end tests. A missing browser fails the run
// with one line that says how to get it; it never skips a test. Whatever the Content Security
// Policy blocks in any page is collected, and closing the browser fails the test with it: the
// policy must never break a page, the service worker or the scanner's worker.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Fails the run, never skips it, when the browser is not installed. */
export function requireChromium(): void {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Chromium is missing at ${CHROMIUM_PATH}: install it with \`sudo apt-get install -y chromium\` (see README).`
		);
	}
}

export type Browser = {
	context: BrowserContext;
	/** What the pages' Content Security Policy refused so far (Chromium's console lines). */
	cspViolations(): string[];
	close(): Promise<void>;
};

/** How Chromium reports what a Content Security Policy refused. */
const CSP_VIOLATION =
	/Content Security Policy|Refused to (load|execute|connect|frame|apply|create|evaluate)/;

/** A persistent profile, so IndexedDB and the service worker survive reloads. */
export async function launchBrowser(
	options: {
		width?: number;
		height?: number;
		args?: readonly string[];
		/** Another browser's user agent string, for what the app decides from it alone. */
		userAgent?: string;
		/** For a test that provokes refusals on purpose (and checks them itself). */
		allowCspViolations?: boolean;
	} = {}
): Promise<Browser> {
	requireChromium();
	const profileDir = mkdtempSync(join(tmpdir(), 'hssk-chromium-'));
	const context = await chromium.launchPersistentContext(profileDir, {
		executablePath: CHROMIUM_PATH,
		args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
		viewport: { width: options.width ?? 390, height: options.height ?? 844 },
		userAgent: options.userAgent,
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh'
	});
	const violations: string[] = [];
	context.on('console', (message) => {
		if (CSP_VIOLATION.test(message.text())) {
			violations.push(
				`${message.location().url || message.page()?.url() || '?'}: ${message.text()}`
			);
		}
	});
	return {
		context,
		cspViolations: () => [...violations],
		async close() {
			await context.close();
			rmSync(profileDir, { recursive: true, force: true });
			if (violations.length > 0 && !options.allowCspViolations) {
				throw new Error(`The Content Security Policy refused:\n${violations.join('\n')}`);
			}
		}
	};
}
