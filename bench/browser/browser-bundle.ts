// Bundles the two pages of the browser benchmark (the device's sync, stock PouchDB) with Vite
// as a production build: `$lib` resolves as in the app, without RxDB's dev-mode checks. The
// benchmark serves the files under `/__bench/` of whichever origin a page must be on.

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const BENCH_PATH = '/__bench/';

export type PageName = 'device-page' | 'pouch-page';

export type BrowserBundle = {
	/** The files by name (`device-page.js`, shared chunks…). */
	files: ReadonlyMap<string, string>;
	/** The HTML that loads one page's script. */
	html(page: PageName): string;
	remove(): void;
};

export async function bundleBrowserPages(): Promise<BrowserBundle> {
	const outDir = mkdtempSync(join(tmpdir(), 'hssk-bench-browser-'));
	await build({
		configFile: false,
		root: ROOT,
		mode: 'production',
		logLevel: 'warn',
		resolve: {
			// PouchDB needs Node's EventEmitter; the `events` package is its browser copy.
			alias: { $lib: join(ROOT, 'src/lib'), events: join(ROOT, 'node_modules/events/events.js') }
		},
		define: { 'import.meta.env.DEV': 'false', global: 'globalThis' },
		build: {
			outDir,
			emptyOutDir: true,
			minify: true,
			target: 'es2022',
			rollupOptions: {
				input: {
					'device-page': join(ROOT, 'bench/browser/device-page.ts'),
					'pouch-page': join(ROOT, 'bench/browser/pouch-page.ts')
				},
				output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' }
			}
		}
	});
	const files = new Map<string, string>();
	for (const name of readdirSync(outDir, { recursive: true })) {
		const path = String(name);
		if (path.endsWith('.js')) files.set(path, readFileSync(join(outDir, path), 'utf8'));
	}
	return {
		files,
		html: (page) =>
			`<!doctype html><html><head><meta charset="utf-8"><title>${page}</title>` +
			`<script type="module" src="${BENCH_PATH}${page}.js"></script></head><body></body></html>`,
		remove: () => rmSync(outDir, { recursive: true, force: true })
	};
}
