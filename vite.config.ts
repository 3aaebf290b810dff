import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	build: {
		rolldownOptions: {
			treeshake: {
				// The domain's modules are pure (DESIGN.md): building a zod schema at the top of a
				// module is no side effect, so a screen that imports one rule from the barrel does
				// not carry every other schema, and zod's code for them, into its first load.
				moduleSideEffects: [{ test: /\/src\/lib\/domain\/[^/]+\.ts$/, sideEffects: false }]
			}
		}
	},
	plugins: [
		sveltekit({
			compilerOptions: {
				runes: ({ filename }) =>
					filename.split(/[/\\]/).includes('node_modules') ? undefined : true
			},
			adapter: adapter(),
			// Pages run no script but the build's own files and Kit's one inline start-up
			// script, allowed by its hash (the same page is cached by the service worker, so a
			// per-request nonce would not match). Styles allow inline attributes: Svelte sets
			// them, and they run no code. Workers: the service worker and the QR scanner's,
			// which qr-scanner starts from a Blob URL. Other headers: server/security-headers.js.
			csp: {
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:', 'blob:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'worker-src': ['self', 'blob:'],
					'manifest-src': ['self'],
					'media-src': ['self', 'blob:'],
					'object-src': ['none'],
					'frame-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none']
				}
			},
			// Kit's own check: a form post from another origin is refused (the JSON API and the
			// gateway get theirs in src/lib/server/request-guard.ts).
			csrf: { trustedOrigins: [] },
			typescript: {
				config(config) {
					// The CouchDB scripts and the benchmarks are type-checked like the app.
					config.include.push('../couch/**/*.ts', '../bench/**/*.ts');
				}
			}
		})
	],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'couch/**/*.test.ts'],
					setupFiles: ['src/lib/i18n/all-words.setup.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 180_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			}
		]
	}
});
