// One more app server on a test stack's CouchDB, with its own environment: a second process
// (to see what one server's change does to another's caches), a production start, or a
// start that must fail.

import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../couch/embedded';
import type { Stack } from './stack';

export type ExtraApp = {
	url: string;
	stop(): Promise<void>;
	/** Everything it printed so far. */
	output(): string;
};

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/** An environment variable set to undefined is left out. */
export type AppEnv = Record<string, string | undefined>;

function spawnApp(stack: Stack, port: number, env: AppEnv) {
	const url = `http://127.0.0.1:${port}`;
	const merged: AppEnv = {
		...process.env,
		HOST: '127.0.0.1',
		PORT: String(port),
		ORIGIN: url,
		COUCHDB_URL: stack.couchUrl,
		COUCHDB_USER: stack.couchUser,
		COUCHDB_PASSWORD: stack.couchPassword,
		BODY_SIZE_LIMIT: '10M',
		...env
	};
	const child: ChildProcess = spawn(process.execPath, ['server/index.js'], {
		env: Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const stop = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) return resolve();
			const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
			child.once('exit', () => {
				clearTimeout(timer);
				resolve();
			});
			child.kill('SIGTERM');
		});
	return { url, child, stop, output: () => output };
}

/** Starts it and waits until it answers (any status: a CouchDB it cannot reach is a case). */
export async function startExtraApp(stack: Stack, env: AppEnv = {}): Promise<ExtraApp> {
	const app = spawnApp(stack, await freePort(), env);
	const deadline = Date.now() + START_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (app.child.exitCode !== null) break;
		try {
			await fetch(`${app.url}/api/health`);
			return { url: app.url, stop: app.stop, output: app.output };
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	await app.stop();
	throw new Error(`the app server did not start:\n${app.output()}`);
}

/** Starts it expecting it to refuse to start: its exit code and what it printed. */
export async function startRefusedApp(
	stack: Stack,
	env: AppEnv
): Promise<{ code: number | null; output: string }> {
	const app = spawnApp(stack, await freePort(), env);
	const code = await new Promise<number | null>((resolve) => {
		const timer = setTimeout(() => resolve(null), START_TIMEOUT_MS);
		app.child.once('exit', (exitCode) => {
			clearTimeout(timer);
			resolve(exitCode);
		});
	});
	await app.stop();
	return { code, output: app.output() };
}
