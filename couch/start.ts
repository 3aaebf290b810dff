// `npm start`: the whole app on one machine. Starts the embedded CouchDB-compatible server
// (unless COUCHDB_URL points at a CouchDB already), provisions and seeds it, builds the app
// when its build is missing or stale, runs it, and stops everything on Ctrl-C.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CouchClient, couchConfigFromEnv, type CouchConfig } from '../src/lib/server/couch/client';
import { wardDatabaseName } from '../src/lib/domain/ids';
import { adminCredentials, DATA_DIR, PROJECT_ROOT } from './admin-credentials';
import { startEmbeddedCouch, type EmbeddedCouch } from './embedded';
import { buildProgressViews, provision } from './provision';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_WARD_CODE } from './seed/demo';
import { seedDemo } from './seed/seed-demo';

/** adapter-node's server with the security headers on every response (server/index.js). */
const APP_ENTRY = join(PROJECT_ROOT, 'server', 'index.js');
const BUILD_ENTRY = join(PROJECT_ROOT, 'build', 'index.js');
const APP_START_TIMEOUT_MS = 30_000;
/** What the built app is made from: a change here means the build is stale. */
const APP_SOURCES = ['src', 'static', 'server', 'vite.config.ts', 'package.json'];

function newestChange(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
	return newest;
}

function ensureBuild(): void {
	let reason: string | null = null;
	if (!existsSync(BUILD_ENTRY)) reason = 'build/ is missing';
	else {
		const built = statSync(BUILD_ENTRY).mtimeMs;
		const sources = Math.max(...APP_SOURCES.map((path) => newestChange(join(PROJECT_ROOT, path))));
		if (sources > built) reason = 'build/ is older than src/';
	}
	if (!reason) return;
	console.log(`Building the app (${reason}): npm run build`);
	const result = spawnSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('npm run build failed (see above)');
}

function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function requireFreePort(port: number, what: string, hint: string): Promise<void> {
	if (!(await isPortFree(port))) throw new Error(`Port ${port} (${what}) is in use: ${hint}`);
}

async function startCouch(): Promise<{ config: CouchConfig; embedded?: EmbeddedCouch }> {
	if (process.env.COUCHDB_URL) return { config: couchConfigFromEnv() };
	const port = Number(process.env.COUCHDB_PORT ?? 5984);
	await requireFreePort(
		port,
		'CouchDB',
		'set COUCHDB_PORT to another port, or COUCHDB_URL to use the CouchDB already there'
	);
	const credentials = adminCredentials();
	const embedded = await startEmbeddedCouch({
		port,
		dataDir: join(DATA_DIR, 'couch'),
		...credentials
	});
	console.log(`Embedded CouchDB (PouchDB Server) on ${embedded.url}, data in .data/couch`);
	return { config: { url: embedded.url, ...credentials }, embedded };
}

async function waitForApp(url: string, app: ChildProcess): Promise<string> {
	const deadline = Date.now() + APP_START_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (app.exitCode !== null) throw new Error(`The app server exited with ${app.exitCode}`);
		try {
			const response = await fetch(`${url}/api/health`);
			await response.body?.cancel();
			return response.ok ? 'ok' : `answers ${response.status}`;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
	throw new Error(`The app server did not answer on ${url} within ${APP_START_TIMEOUT_MS} ms`);
}

function banner(appUrl: string, health: string, seeded: boolean): string {
	const accounts = DEMO_ACCOUNTS.map(
		(account) => `    ${account.username.padEnd(12)} ${account.role}`
	).join('\n');
	return [
		'',
		`HSSK is running at ${appUrl}` + (health === 'ok' ? '' : ` (health check ${health})`),
		seeded ? `  Demo accounts, password "${DEMO_PASSWORD}":\n${accounts}` : '  (demo seed skipped)',
		`  Demo ward gateway (CouchDB replication): ${appUrl}/db/${wardDatabaseName(DEMO_WARD_CODE)}`,
		'  Ctrl-C stops the app and the embedded CouchDB.',
		''
	].join('\n');
}

async function main(): Promise<void> {
	const appPort = Number(process.env.PORT ?? 3000);
	await requireFreePort(appPort, 'app server', 'set PORT to another port');
	const { config, embedded } = await startCouch();
	let app: ChildProcess | undefined;
	const stopCouch = async () => embedded?.stop();
	// Before the app runs, a signal stops the embedded server; after, it goes to the app,
	// whose exit then stops the embedded server.
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			if (app && app.exitCode === null) app.kill(signal);
			else if (!app) void stopCouch().then(() => process.exit(130));
		});
	}
	try {
		const client = new CouchClient(config);
		await provision(client, [DEMO_WARD_CODE]);
		const seeded = process.env.SEED !== '0';
		if (seeded) {
			const summary = await seedDemo(client);
			const wrote = Object.values(summary.written).reduce((sum, count) => sum + count, 0);
			console.log(
				`Demo seed: ${summary.total.households} households, ${summary.total.persons} people, ` +
					`${summary.total.declarations} declarations; wrote ${wrote} documents in ${summary.elapsed_ms} ms`
			);
			const started = performance.now();
			await buildProgressViews(client, [DEMO_WARD_CODE]);
			console.log(`Progress views ready in ${Math.round(performance.now() - started)} ms`);
		}
		ensureBuild();

		const appUrl = `http://127.0.0.1:${appPort}`;
		app = spawn(process.execPath, [APP_ENTRY], {
			cwd: PROJECT_ROOT,
			stdio: 'inherit',
			env: {
				...process.env,
				HOST: '127.0.0.1',
				PORT: String(appPort),
				ORIGIN: process.env.ORIGIN ?? appUrl,
				COUCHDB_URL: config.url,
				COUCHDB_USER: config.user,
				COUCHDB_PASSWORD: config.password,
				// The gateway bounds request bodies itself, with a reason the device can show.
				BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '10M'
			}
		});
		app.once('exit', (code, signal) => {
			void stopCouch().then(() => process.exit(code ?? (signal ? 0 : 1)));
		});
		console.log(banner(appUrl, await waitForApp(appUrl, app), seeded));
	} catch (error) {
		if (app && app.exitCode === null) app.kill('SIGTERM');
		await stopCouch();
		throw error;
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
