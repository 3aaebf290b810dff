// Against a small HTTP server answering as CouchDB 3 and as PouchDB Server do.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchClient } from '../couch/client';
import { serverReplication } from './replication';

let server: Server;
let base: string;
let asCouchDb = true;

beforeAll(async () => {
	server = createServer((request, response) => {
		response.setHeader('content-type', 'application/json');
		if (request.url === '/_scheduler/jobs') {
			if (!asCouchDb) {
				response.statusCode = 404;
				return response.end(JSON.stringify({ error: 'not_found', reason: 'missing' }));
			}
			return response.end(
				JSON.stringify({
					jobs: [
						{
							id: 'r1',
							source: 'https://admin:secret@primary.internal:5984/ward_26956/',
							target: { url: 'https://admin:secret@backup.internal:5984/ward_26956' },
							history: [{ type: 'started', timestamp: '2026-12-01T10:00:00Z' }]
						}
					]
				})
			);
		}
		if (request.url === '/_active_tasks') {
			return response.end(
				JSON.stringify([
					{ type: 'replication', replication_id: 'r1', docs_written: 42, changes_pending: 7 }
				])
			);
		}
		response.statusCode = 404;
		response.end('{}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('server replication', () => {
	it('lists CouchDB jobs with their progress, and no credentials', async () => {
		const client = new CouchClient({ url: base, user: 'admin', password: 'x' });
		const answer = await serverReplication(client);
		expect(answer).toEqual({
			available: true,
			tasks: [
				{
					source: 'ward_26956',
					target: 'ward_26956',
					state: 'started',
					docs_written: 42,
					pending: 7,
					updated_at: '2026-12-01T10:00:00Z'
				}
			]
		});
		expect(JSON.stringify(answer)).not.toContain('secret');
	});

	it('says it is not available on a server without a scheduler', async () => {
		asCouchDb = false;
		const client = new CouchClient({ url: base, user: 'admin', password: 'x' });
		expect(await serverReplication(client)).toEqual({ available: false, tasks: [] });
	});
});
