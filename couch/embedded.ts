// Starts the embedded CouchDB-compatible server (PouchDB Server) as a child process on
// 127.0.0.1. Development, tests and the default `npm start` use it; production sets
// COUCHDB_URL to an Apache CouchDB 3.x instead.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

export type EmbeddedCouch = {
	url: string;
	user: string;
	password: string;
	port: number;
	/** The server's process id, for a benchmark that reads its CPU time. */
	pid: number | undefined;
	stop(): Promise<void>;
};

export type EmbeddedCouchOptions = {
	/** 0 picks a free port. */
	port?: number;
	/** Where the databases, config and log live. */
	dataDir: string;
	/** Keep databases in memory (tests); the config and log still go to dataDir. */
	inMemory?: boolean;
	user: string;
	password: string;
};

const START_TIMEOUT_MS = 30_000;

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
	const deadline = Date.now() + START_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`PouchDB Server exited with ${child.exitCode}`);
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`PouchDB Server did not answer on ${url} within ${START_TIMEOUT_MS} ms`);
}

export async function startEmbeddedCouch(options: EmbeddedCouchOptions): Promise<EmbeddedCouch> {
	const port = options.port || (await freePort());
	mkdirSync(options.dataDir, { recursive: true });
	const configPath = join(options.dataDir, 'config.json');
	// Written on every start: PouchDB Server hashes the admin password into this file.
	writeFileSync(
		configPath,
		JSON.stringify(
			{
				admins: { [options.user]: options.password },
				log: { file: join(options.dataDir, 'pouchdb-server.log'), level: 'warning' },
				couch_httpd_auth: { require_valid_user: false }
			},
			null,
			2
		)
	);
	const require = createRequire(import.meta.url);
	const bin = require.resolve('pouchdb-server/bin/pouchdb-server');
	const args = [
		'--require',
		require.resolve('./embedded-views.cjs'),
		// Without this, one malformed request can end the whole server.
		'--unhandled-rejections=warn',
		bin,
		'--host',
		'127.0.0.1',
		'--port',
		String(port),
		'--config',
		configPath,
		'--no-stdout-logs',
		...(options.inMemory ? ['--in-memory'] : ['--dir', options.dataDir])
	];
	const child = spawn(process.execPath, args, {
		cwd: options.dataDir,
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr = (stderr + chunk.toString()).slice(-4000);
	});
	const url = `http://127.0.0.1:${port}`;
	try {
		await waitUntilUp(url, child);
	} catch (error) {
		child.kill('SIGKILL');
		throw new Error(`${(error as Error).message}\n${stderr}`);
	}
	return {
		url,
		port,
		pid: child.pid,
		user: options.user,
		password: options.password,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
			})
	};
}
