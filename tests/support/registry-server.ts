// A small population registry for the live-link tests, on a free port of 127.0.0.1: it
// publishes households as a feed of changes with a cursor (`GET /wards/<ward>/changes?since=
// &limit=`), asks for a bearer token, remembers every request, and can be told to fail.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedRequest = {
	ward: string;
	since: string | null;
	limit: number;
	authorized: boolean;
};

export type RegistryServer = {
	url: string;
	requests: FeedRequest[];
	/** Adds a household's current state to the ward's feed; returns its cursor. */
	publish(ward: string, household: Record<string, unknown>): string;
	/** While set, every request is answered 503. */
	setDown(isDown: boolean): void;
	lastCursor(ward: string): string | null;
	stop(): Promise<void>;
};

export async function startRegistryServer(token: string): Promise<RegistryServer> {
	const feeds = new Map<string, Record<string, unknown>[]>();
	const requests: FeedRequest[] = [];
	let isDown = false;
	const cursorOf = (index: number) => `seq-${String(index).padStart(6, '0')}`;
	const indexOf = (cursor: string | null) => (cursor === null ? 0 : Number(cursor.slice(4)));

	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const match = /^\/wards\/(\d{5})\/changes$/.exec(url.pathname);
		const authorized = request.headers.authorization === `Bearer ${token}`;
		const answer = (status: number, body: unknown) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		if (!match) return answer(404, { error: 'not_found' });
		const since = url.searchParams.get('since');
		const limit = Number(url.searchParams.get('limit') ?? 100);
		requests.push({ ward: match[1], since, limit, authorized });
		if (!authorized) return answer(401, { error: 'unauthorized' });
		if (isDown) return answer(503, { error: 'unavailable' });
		const feed = feeds.get(match[1]) ?? [];
		const start = indexOf(since);
		const results = feed.slice(start, start + limit);
		const end = start + results.length;
		answer(200, { results, next_cursor: cursorOf(end), has_more: end < feed.length });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		publish(ward, household) {
			const feed = feeds.get(ward) ?? [];
			feed.push(household);
			feeds.set(ward, feed);
			return cursorOf(feed.length);
		},
		setDown(value) {
			isDown = value;
		},
		lastCursor(ward) {
			const feed = feeds.get(ward);
			return feed ? cursorOf(feed.length) : null;
		},
		stop: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
