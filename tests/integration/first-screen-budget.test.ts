// The budget of the collaborator's first screen: the JavaScript the household list loads
// before it runs, gzip-compressed, is to fit 170 KB (a $200 Android phone on 3G); until it
// does, it may not grow past what it weighs now (FIRST_SCREEN_CEILING_BYTES). A size check
// on the build output (`npm run build` first); `npm run bench:bundle` measures what Chromium
// actually requests. What is loaded later must still be cached for offline use.

import { describe, expect, it } from 'vitest';
import { readBuildManifest } from '../support/build-chunks';
import {
	FIRST_SCREEN_BUDGET_BYTES,
	FIRST_SCREEN_CEILING_BYTES,
	firstScreenFiles,
	kilobytes,
	precacheFiles,
	totalGzip
} from '../support/first-screen-js';

describe('the first screen’s JavaScript', () => {
	it('grows no further on the way to 170 KB gzip', () => {
		const files = firstScreenFiles();
		const total = totalGzip(files);
		const listing = files.map((file) => `${kilobytes(file.gzip)} ${file.file}`).join('\n');
		console.info(
			`first screen ${kilobytes(total)} of the ${kilobytes(FIRST_SCREEN_BUDGET_BYTES)} budget`
		);
		expect(total, `first screen ${kilobytes(total)}:\n${listing}`).toBeLessThanOrEqual(
			FIRST_SCREEN_CEILING_BYTES
		);
	});

	it('leaves the sync engine out, and the service worker caches it for offline starts', () => {
		const manifest = readBuildManifest();
		const engine = manifest['src/lib/sync/ward-sync.ts'];
		expect(engine?.isDynamicEntry).toBe(true);
		const firstScreen = new Set(firstScreenFiles().map((file) => file.file));
		expect(firstScreen.has(engine.file)).toBe(false);
		const precached = new Set(precacheFiles().map((file) => file.file));
		for (const file of [...firstScreen, engine.file]) expect(precached.has(file), file).toBe(true);
	});
});
