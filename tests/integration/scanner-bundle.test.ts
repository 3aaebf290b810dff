// The QR scanner is loaded by the scan screen alone, and the service worker caches it with
// the rest of the build, so the first screen does not pay for it and scanning works offline.
// Read from the last `npm run build` (docs/decisions/qr-scanner.md has the sizes).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	builtFile,
	CLIENT_OUTPUT,
	nodeOf,
	QR_SCANNER_SOURCE,
	QR_SCANNER_WORKER_SOURCE,
	readBuildManifest,
	staticClosure
} from '../support/build-chunks';

const manifest = readBuildManifest();
const SCANNER_SOURCES = [QR_SCANNER_SOURCE, QR_SCANNER_WORKER_SOURCE];

describe('the QR scanner in the build', () => {
	it('is a chunk of its own, with its worker in another, both loaded on demand', () => {
		for (const source of SCANNER_SOURCES) {
			expect(manifest[source]?.isDynamicEntry, source).toBe(true);
			expect(existsSync(join(CLIENT_OUTPUT, builtFile(manifest, source))), source).toBe(true);
		}
		expect(manifest[QR_SCANNER_SOURCE].dynamicImports).toContain(QR_SCANNER_WORKER_SOURCE);
	});

	it('is not among what the app, its frame or the household list load before they run', () => {
		const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
		const firstScreen = [
			...entries,
			nodeOf(manifest, 'src/routes/+layout.svelte'),
			nodeOf(manifest, 'src/routes/+page.svelte')
		];
		expect(entries.length).toBeGreaterThan(0);
		for (const key of firstScreen) {
			const loaded = staticClosure(manifest, key);
			for (const source of SCANNER_SOURCES) expect(loaded.has(source), key).toBe(false);
		}
		const importers = Object.keys(manifest).filter((key) =>
			manifest[key].imports?.some((imported) => SCANNER_SOURCES.includes(imported))
		);
		expect(importers).toEqual([]);
	});

	it('is imported by the scan screen', () => {
		const scanScreen = nodeOf(manifest, 'src/routes/quet/+page.svelte');
		expect(manifest[scanScreen].dynamicImports).toContain(QR_SCANNER_SOURCE);
	});

	it('is in the service worker’s list of files cached at install', () => {
		const worker = readFileSync(join(CLIENT_OUTPUT, 'service-worker.js'), 'utf8');
		for (const source of SCANNER_SOURCES) {
			expect(worker, source).toContain(`/${builtFile(manifest, source)}`);
		}
	});
});
