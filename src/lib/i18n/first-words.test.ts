import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UI } from './dictionary';
import { FEATURE_WORDS } from './feature-words';
import { FIRST_WORDS } from './first-words';

/** What the collaborator's household list renders, and the frame around every screen. */
const FIRST_SCREEN_SOURCES = [
	'src/routes/+page.svelte',
	'src/routes/+layout.svelte',
	'src/routes/+error.svelte',
	'src/lib/ui/AppHeader.svelte',
	'src/lib/ui/SyncIndicator.svelte',
	'src/lib/ui/StorageNotice.svelte',
	'src/lib/ui/HomeScreenPrompt.svelte',
	'src/lib/ui/HotlineLink.svelte',
	'src/lib/ui/DueBadge.svelte',
	'src/lib/ui/LanguageSwitch.svelte',
	'src/lib/ui/sync-summary.ts',
	'src/lib/ui/waiting-age.ts'
];

/** Links on the home screen that only ward staff see; their home waits for every table. */
const WARD_STAFF_LINKS = [
	'progress.title',
	'ward_admin.link',
	'audit.link',
	'clash.link',
	'registry.link',
	'review.link_plain',
	'erasure_list.link',
	'consent_text.link',
	'sheets.link'
];

function keysIn(source: string): { keys: string[]; prefixes: string[] } {
	const keys = [...source.matchAll(/\b(?:t|key:)\(?\s*'([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]);
	const prefixes = [...source.matchAll(/\bt\(`([a-z_]+\.[a-z_.]*)\$\{/g)].map((m) => m[1]);
	return { keys, prefixes };
}

describe('the words loaded with the first screen', () => {
	it('with the other screens’ words, are the whole dictionary, each key once', () => {
		const first = Object.keys(FIRST_WORDS);
		const later = Object.keys(FEATURE_WORDS);
		expect(first.filter((key) => later.includes(key))).toEqual([]);
		expect([...first, ...later].sort()).toEqual(Object.keys(UI).sort());
	});

	it('hold every word the household list and the frame around it say', () => {
		const first = Object.keys(FIRST_WORDS);
		const missing: string[] = [];
		for (const file of FIRST_SCREEN_SOURCES) {
			const { keys, prefixes } = keysIn(readFileSync(file, 'utf8'));
			expect(keys.length + prefixes.length, file).toBeGreaterThan(0);
			for (const key of keys) {
				if (!first.includes(key) && !WARD_STAFF_LINKS.includes(key))
					missing.push(`${file}: ${key}`);
			}
			for (const prefix of prefixes) {
				if (!first.some((key) => key.startsWith(prefix))) missing.push(`${file}: ${prefix}…`);
			}
		}
		expect(missing).toEqual([]);
	});
});
