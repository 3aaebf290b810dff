// A small HTTP proxy on 127.0.0.1 that stands between a device and the app server and
// misbehaves on purpose, the way a mobile network and a reverse proxy do:
// - `cut`: the request reaches the server and is answered, but the device gets the headers
//   and part of the body before the connection is destroyed (the answer is lost);
// - `fail_before` / `fail_after`: a 500 instead of the answer, before the request reached the
//   server, or after the server did the work (a reverse proxy giving up on it);
// - `delayMs`, `answerDelayMs`: the request waits before it is forwarded, the answer after
//   the server gave it (a slow link both ways);
// - the app server not listening (a restart) is answered 502, as a reverse proxy would.
//
// What happens to each request is decided by a plan, a function of the request's number and
// path, so a test is reproducible: `seededFaults` draws from a seeded generator, one draw per
// request in the order requests arrive.

import {
	createServer,
	request as forward,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type ServerResponse
} from 'node:http';
import type { Socket } from 'node:net';

export type FaultAnswer = 'pass' | 'cut' | 'fail_before' | 'fail_after';

export type Fault = {
	answer: FaultAnswer;
	/** Wait this long before forwarding the request. */
	delayMs?: number;
	/** Wait this long after the server answered before passing its answer on. */
	answerDelayMs?: number;
};

export type ProxiedRequest = {
	/** 0 for the first request the proxy received, then 1, 2, … */
	index: number;
	method: string;
	/** Path and query, as sent. */
	url: string;
	/** The request's body as text (empty for a GET). */
	body: string;
};

export type FaultPlan = (request: ProxiedRequest) => Fault;

export type FaultCounts = Record<FaultAnswer, number> & {
	requests: number;
	delayed: number;
	/** Requests answered 502 because the app server was not there. */
	unreachable: number;
};

export type FaultProxy = {
	url: string;
	/** Replaces the plan from the next request on. */
	setPlan(plan: FaultPlan): void;
	/** What the proxy has done since it started (or since the last `resetCounts`). */
	counts(): FaultCounts;
	resetCounts(): void;
	close(): Promise<void>;
};

export const PASS_THROUGH: FaultPlan = () => ({ answer: 'pass' });

/** Connection-level headers belong to one hop; Node sets its own for the next. */
const HOP_HEADERS = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade'];

function withoutHopHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
	const kept = { ...headers };
	for (const name of HOP_HEADERS) delete kept[name];
	return kept;
}

function emptyCounts(): FaultCounts {
	return {
		requests: 0,
		pass: 0,
		cut: 0,
		fail_before: 0,
		fail_after: 0,
		delayed: 0,
		unreachable: 0
	};
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export type SeededFaultOptions = {
	seed: number;
	/** Chance that a request's answer is cut half way. */
	cut: number;
	/** Chance of a 500; half of them after the server did the work. */
	fail: number;
	/** Chance that a request waits, and for how long (ms, drawn evenly in the range). */
	delay: number;
	delayMs: [number, number];
};

/** A random but reproducible schedule: one draw per request, in the order they arrive. */
export function seededFaults(options: SeededFaultOptions): FaultPlan {
	const random = seededRandom(options.seed);
	return () => {
		const draw = random();
		const isDelayed = random() < options.delay;
		const [low, high] = options.delayMs;
		const delayMs = isDelayed ? Math.round(low + random() * (high - low)) : undefined;
		let answer: FaultAnswer = 'pass';
		if (draw < options.cut) answer = 'cut';
		else if (draw < options.cut + options.fail / 2) answer = 'fail_before';
		else if (draw < options.cut + options.fail) answer = 'fail_after';
		return { answer, delayMs };
	};
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Uint8Array[] = [];
		stream.on('data', (chunk: Uint8Array) => chunks.push(chunk));
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.on('error', reject);
	});
}

function answerJson(response: ServerResponse, status: number, body: object): void {
	const text = JSON.stringify(body);
	response.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text)
	});
	response.end(text);
}

function passAnswer(response: ServerResponse, upstream: IncomingMessage, body: Buffer): void {
	const headers = withoutHopHeaders(upstream.headers);
	headers['content-length'] = String(body.length);
	response.writeHead(upstream.statusCode ?? 200, headers);
	response.end(body);
}

/** Headers and the first half of the body, then the connection is gone. */
function cutAnswer(response: ServerResponse, upstream: IncomingMessage, body: Buffer): void {
	const headers = withoutHopHeaders(upstream.headers);
	// The full length is announced, so the device knows the answer was cut short.
	headers['content-length'] = String(body.length);
	response.writeHead(upstream.statusCode ?? 200, headers);
	response.write(body.subarray(0, Math.floor(body.length / 2)), () => {
		response.socket?.destroy();
	});
}

export async function startFaultProxy(
	target: string,
	plan: FaultPlan = PASS_THROUGH
): Promise<FaultProxy> {
	const { hostname, port } = new URL(target);
	let current = plan;
	let counts = emptyCounts();
	let index = 0;
	const sockets = new Set<Socket>();

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const number = index++;
		const body = await readBody(request);
		const proxied: ProxiedRequest = {
			index: number,
			method: request.method ?? 'GET',
			url: request.url ?? '/',
			body: body.toString('utf8')
		};
		const fault = current(proxied);
		counts.requests += 1;
		if (fault.delayMs || fault.answerDelayMs) counts.delayed += 1;
		if (fault.delayMs) {
			await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
		}
		if (response.destroyed) return;
		if (fault.answer === 'fail_before') {
			counts.fail_before += 1;
			answerJson(response, 500, { error: 'proxy', reason: 'injected failure before forwarding' });
			return;
		}
		const outgoing = forward({
			hostname,
			port,
			method: proxied.method,
			path: proxied.url,
			headers: { ...withoutHopHeaders(request.headers), host: `${hostname}:${port}` }
		});
		// The device gave up (or was cut off): so does the request upstream, as a long poll must.
		response.on('close', () => {
			if (!response.writableFinished) outgoing.destroy();
		});
		outgoing.on('error', () => {
			if (!response.headersSent) {
				counts.unreachable += 1;
				answerJson(response, 502, { error: 'bad_gateway', reason: 'app server unreachable' });
			} else {
				response.socket?.destroy();
			}
		});
		outgoing.on('response', (upstream) => {
			counts[fault.answer] += 1;
			if (fault.answer === 'pass' && !fault.answerDelayMs) {
				response.writeHead(upstream.statusCode ?? 502, withoutHopHeaders(upstream.headers));
				upstream.pipe(response);
				upstream.on('error', () => response.socket?.destroy());
				return;
			}
			readBody(upstream).then(
				async (answer) => {
					if (fault.answerDelayMs) {
						await new Promise((resolve) => setTimeout(resolve, fault.answerDelayMs));
					}
					if (response.destroyed) return;
					if (fault.answer === 'pass') passAnswer(response, upstream, answer);
					else if (fault.answer === 'cut') cutAnswer(response, upstream, answer);
					else answerJson(response, 500, { error: 'proxy', reason: 'injected failure after' });
				},
				() => response.socket?.destroy()
			);
		});
		outgoing.end(body);
	}

	const server = createServer((request, response) => {
		handle(request, response).catch(() => response.socket?.destroy());
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const address = server.address();
	const proxyPort = typeof address === 'object' && address ? address.port : 0;

	return {
		url: `http://127.0.0.1:${proxyPort}`,
		setPlan(next) {
			current = next;
		},
		counts: () => ({ ...counts }),
		resetCounts() {
			counts = emptyCounts();
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			})
	};
}
