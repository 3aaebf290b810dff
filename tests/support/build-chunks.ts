// Which files of the client build hold what, read from Vite's manifest of the last
// `npm run build`: chunk names are content hashes, so tests look them up here.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLIENT_OUTPUT = join(ROOT, '.svelte-kit', 'output', 'client');
const MANIFEST = join(CLIENT_OUTPUT, '.vite', 'manifest.json');

export const QR_SCANNER_SOURCE = 'node_modules/qr-scanner/qr-scanner.min.js';
export const QR_SCANNER_WORKER_SOURCE = 'node_modules/qr-scanner/qr-scanner-worker.min.js';

export type ManifestChunk = {
	file: string;
	src?: string;
	isEntry?: boolean;
	isDynamicEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
};

export type BuildManifest = Record<string, ManifestChunk>;

export function readBuildManifest(): BuildManifest {
	if (!existsSync(MANIFEST)) throw new Error('The client build is missing: run `npm run build`');
	return JSON.parse(readFileSync(MANIFEST, 'utf8')) as BuildManifest;
}

/** The built file (`_app/immutable/…`) of a source module. */
export function builtFile(manifest: BuildManifest, source: string): string {
	const chunk = manifest[source];
	if (!chunk) throw new Error(`${source} is not in the build`);
	return chunk.file;
}

/** Every manifest key a chunk loads before it runs: its static imports, transitively. */
export function staticClosure(manifest: BuildManifest, key: string): Set<string> {
	const seen = new Set<string>();
	const visit = (next: string) => {
		if (seen.has(next)) return;
		seen.add(next);
		for (const imported of manifest[next]?.imports ?? []) visit(imported);
	};
	visit(key);
	return seen;
}

/** The manifest key of the page node whose component is `component` (e.g. `src/routes/+page.svelte`). */
export function nodeOf(manifest: BuildManifest, component: string): string {
	const generated = join(ROOT, '.svelte-kit', 'generated', 'client-optimized', 'nodes');
	const key = Object.keys(manifest).find((candidate) => {
		const match = /client-optimized\/nodes\/(\d+)\.js$/.exec(candidate);
		if (!match) return false;
		const text = readFileSync(join(generated, `${match[1]}.js`), 'utf8');
		return text.includes(`/${component}"`);
	});
	if (!key) throw new Error(`No page node for ${component}`);
	return key;
}
