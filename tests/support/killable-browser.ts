// A Chromium the test starts itself, so it can kill it like a phone dying: the browser is its
// own process group (spawned detached), and `kill()` sends SIGKILL to that group by its id,
// with no clean shutdown, no unload, nothing flushed on the way out. The test drives it over
// the DevTools protocol; the profile directory outlives the process, so the next launch on the
// same directory is the same phone switched on again.

import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, requireChromium } from './browser';

const DEVTOOLS_TIMEOUT_MS = 30_000;

export type KillableBrowser = {
	/** The browser's pid, which is also its process group's id. */
	readonly pid: number;
	readonly context: BrowserContext;
	readonly page: Page;
	/** SIGKILL to the whole browser (every renderer and helper with it); resolves once it is gone. */
	kill(): Promise<void>;
};

function devtoolsEndpoint(child: ChildProcess): Promise<string> {
	return new Promise((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => {
			reject(new Error(`Chromium did not open its DevTools port:\n${output.slice(-2_000)}`));
		}, DEVTOOLS_TIMEOUT_MS);
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
			if (!match) return;
			clearTimeout(timer);
			child.stderr?.off('data', read);
			// Chromium's own stderr keeps coming; it must not fill the pipe and block the browser.
			child.stderr?.resume();
			resolve(match[1]);
		};
		child.stderr?.on('data', read);
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			reject(new Error(`Chromium exited (${code ?? signal}) before DevTools:\n${output}`));
		});
	});
}

function hasExited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

export async function launchKillableBrowser(
	profileDir: string,
	options: { width?: number; height?: number } = {}
): Promise<KillableBrowser> {
	requireChromium();
	const child = spawn(
		CHROMIUM_PATH,
		[
			...CHROMIUM_ARGS,
			`--user-data-dir=${profileDir}`,
			'--remote-debugging-port=0',
			`--window-size=${options.width ?? 360},${options.height ?? 740}`,
			'--lang=vi-VN',
			'about:blank'
		],
		{
			detached: true,
			stdio: ['ignore', 'ignore', 'pipe'],
			env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh' }
		}
	);
	const pid = child.pid;
	if (pid === undefined) throw new Error(`Chromium at ${CHROMIUM_PATH} did not start`);
	// A test runner that dies mid-test must not leave the browser behind.
	const killOnExit = () => {
		if (!hasExited(child)) process.kill(-pid, 'SIGKILL');
	};
	process.once('exit', killOnExit);

	let browser: Browser;
	try {
		browser = await chromium.connectOverCDP(await devtoolsEndpoint(child));
	} catch (error) {
		killOnExit();
		process.off('exit', killOnExit);
		throw error;
	}
	const context = browser.contexts()[0];
	const page = context.pages()[0] ?? (await context.newPage());

	return {
		pid,
		context,
		page,
		async kill() {
			process.off('exit', killOnExit);
			if (hasExited(child)) return;
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			process.kill(-pid, 'SIGKILL');
			await exited;
		}
	};
}
