// The whole server side for integration and end-to-end tests: an in-memory embedded CouchDB
// (or one on disk: for a test that restarts it, or for benchmarks, one that outlives the run)
// with the demo ward provisioned (and seeded), and the built app server in front of it, both
// on free ports of 127.0.0.1 and both stopped by `stop()`.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startEmbeddedCouch, type EmbeddedCouch } from '../../couch/embedded';
import { provision } from '../../couch/provision';
import { DEMO_WARD_CODE } from '../../couch/seed/demo';
import { seedDemo } from '../../couch/seed/seed-demo';
import { CouchClient } from '../../src/lib/server/couch/client';

export type Stack = {
	couch: CouchClient;
	couchUrl: string;
	couchUser: string;
	couchPassword: string;
	appUrl: string;
	stop(): Promise<void>;
	/** A fresh app server process (nothing cached), with `env` added for this start only. */
	restartApp(env?: Record<string, string>): Promise<void>;
	/** Stops PouchDB Server and starts it again on the same port and data (`couchOnDisk` only). */
	restartCouch(): Promise<void>;
	/** Everything the app server printed since the stack started (its structured log). */
	appLog(): string;
	/** Another app server on a free port against the same CouchDB, with the first one's
	 * environment plus `env`; stopped by `stop()` if not before. */
	startSecondApp(env?: Record<string, string>): Promise<SecondApp>;
	/** Process ids of the app server and of PouchDB Server, for CPU accounting. */
	pids(): { app: number | undefined; couch: number | undefined };
};

export type SecondApp = {
	url: string;
	pid: number | undefined;
	stop(): Promise<void>;
	/** Everything it printed since it started. */
	log(): string;
};

export type StackOptions = {
	/** Seed the demo city (default true). */
	seed?: boolean;
	/** Seed this many households instead of the full demo: faster for most tests. */
	households?: number;
	/** Keep the databases on disk here and leave them after `stop()`, so a benchmark can reuse
	 * what it seeded; by default they live in memory and vanish at `stop()`. */
	dataDir?: string;
	/** Keep the databases on disk in a temporary directory, removed at `stop()`, so that
	 * `restartCouch()` finds them again. */
	couchOnDisk?: boolean;
	/** Added to the app server's environment. */
	appEnv?: Record<string, string>;
};

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The production entry: adapter-node's server with the security headers (server/index.js). */
const APP_ENTRY = join(ROOT, 'server', 'index.js');
const BUILD_ENTRY = join(ROOT, 'build', 'index.js');
const APP_START_TIMEOUT_MS = 30_000;
const APP_STOP_TIMEOUT_MS = 5_000;
const OUTPUT_KEPT_CHARS = 8_000;
/** Tests read the whole log to prove what it never contains; bounded all the same. */
const LOG_KEPT_CHARS = 20_000_000;
const HEALTH_PATH = '/api/health';

type AppProcess = { child: ChildProcess; output: () => string };

function startApp(
	port: number,
	env: Record<string, string>,
	onOutput: (text: string) => void
): AppProcess {
	const child = spawn(process.execPath, [APP_ENTRY], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-OUTPUT_KEPT_CHARS);
		onOutput(chunk.toString());
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return { child, output: () => output.trim() || '(no output)' };
}

async function waitUntilHealthy(appUrl: string, app: AppProcess): Promise<void> {
	const deadline = Date.now() + APP_START_TIMEOUT_MS;
	let last = 'no answer';
	while (Date.now() < deadline) {
		if (app.child.exitCode !== null) {
			throw new Error(`The app server exited with ${app.child.exitCode}:\n${app.output()}`);
		}
		try {
			const response = await fetch(appUrl + HEALTH_PATH);
			last = `${response.status} ${await response.text()}`.slice(0, 300);
			if (response.status === 200) return;
			// A 404 will not go away: this build has no health route.
			if (response.status === 404) break;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(
		`The app server did not answer GET ${HEALTH_PATH} with 200 (last: ${last}):\n${app.output()}`
	);
}

function stopApp(app: AppProcess | undefined): Promise<void> {
	return new Promise((resolve) => {
		if (!app || app.child.exitCode !== null || app.child.signalCode !== null) return resolve();
		const timer = setTimeout(() => app.child.kill('SIGKILL'), APP_STOP_TIMEOUT_MS);
		app.child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		app.child.kill('SIGTERM');
	});
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
	if (!existsSync(BUILD_ENTRY)) throw new Error('build/ is missing: run `npm run build` first');
	const isKept = options.dataDir !== undefined;
	const isOnDisk = isKept || options.couchOnDisk === true;
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hssk-stack-'));
	let couch: EmbeddedCouch | undefined;
	let app: AppProcess | undefined;
	const others = new Set<AppProcess>();
	let log = '';
	const record = (text: string) => {
		if (log.length < LOG_KEPT_CHARS) log += text;
	};
	// A test runner that dies mid-test must not leave the app server behind.
	const killOnExit = () => {
		app?.child.kill('SIGKILL');
		for (const other of others) other.child.kill('SIGKILL');
	};
	process.once('exit', killOnExit);

	const stop = async () => {
		process.off('exit', killOnExit);
		await Promise.all([...others].map(stopApp));
		await stopApp(app);
		await couch?.stop();
		if (!isKept) rmSync(dataDir, { recursive: true, force: true });
	};

	try {
		const couchOptions = {
			dataDir,
			inMemory: !isOnDisk,
			user: 'admin',
			password: randomBytes(18).toString('base64url')
		};
		couch = await startEmbeddedCouch(couchOptions);
		const client = new CouchClient(couch);
		await provision(client, [DEMO_WARD_CODE]);
		if (options.seed ?? true) await seedDemo(client, { households: options.households });

		const port = await freePort();
		const appUrl = `http://127.0.0.1:${port}`;
		const env = {
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: appUrl,
			COUCHDB_URL: couch.url,
			COUCHDB_USER: couch.user,
			COUCHDB_PASSWORD: couch.password,
			NODE_ENV: 'test',
			BODY_SIZE_LIMIT: '10M',
			...options.appEnv
		};
		app = startApp(port, env, record);
		await waitUntilHealthy(appUrl, app);

		return {
			couch: client,
			couchUrl: couch.url,
			couchUser: couch.user,
			couchPassword: couch.password,
			appUrl,
			stop,
			appLog: () => log,
			pids: () => ({ app: app?.child.pid, couch: couch?.pid }),
			async startSecondApp(extra = {}) {
				const secondPort = await freePort();
				const url = `http://127.0.0.1:${secondPort}`;
				let secondLog = '';
				const second = startApp(
					secondPort,
					{ ...env, PORT: String(secondPort), ORIGIN: url, ...extra },
					(text) => {
						if (secondLog.length < LOG_KEPT_CHARS) secondLog += text;
					}
				);
				others.add(second);
				try {
					await waitUntilHealthy(url, second);
				} catch (error) {
					others.delete(second);
					await stopApp(second);
					throw error;
				}
				return {
					url,
					pid: second.child.pid,
					log: () => secondLog,
					async stop() {
						others.delete(second);
						await stopApp(second);
					}
				};
			},
			async restartApp(extra = {}) {
				await stopApp(app);
				app = startApp(port, { ...env, ...extra }, record);
				await waitUntilHealthy(appUrl, app);
			},
			async restartCouch() {
				if (!isOnDisk) throw new Error('restartCouch needs the stack started with couchOnDisk');
				const port = couch?.port;
				await couch?.stop();
				couch = await startEmbeddedCouch({ ...couchOptions, port });
			}
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
