// Loads the device side (device-pull.ts and the app modules under it) through Vite's module
// runner: the app's code says `$lib/…` and reads `import.meta.env`, which only Vite provides.
// The device runs as a production build would, without RxDB's dev-mode checks.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, createServerModuleRunner } from 'vite';
import type * as DevicePullModule from './device-pull';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export type DeviceSide = { module: typeof DevicePullModule; close(): Promise<void> };

export async function loadDeviceSide(): Promise<DeviceSide> {
	const server = await createServer({
		configFile: false,
		root: ROOT,
		mode: 'production',
		logLevel: 'warn',
		appType: 'custom',
		resolve: { alias: { $lib: join(ROOT, 'src/lib') } },
		define: { 'import.meta.env.DEV': 'false' },
		server: { middlewareMode: true, hmr: false, ws: false }
	});
	const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
	const module = (await runner.import(
		join(ROOT, 'bench/device-pull.ts')
	)) as typeof DevicePullModule;
	return {
		module,
		async close() {
			await runner.close();
			await server.close();
		}
	};
}
