import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_ID } from '$lib/domain';
import type { CouchClient } from '../couch/client';
import { setLogSink } from '../log';
import { AuditTrail, type AuditDoc } from './trail';

/** A CouchDB that stores `_bulk_docs` bodies, or fails while `failing` is set. */
function fakeCouch() {
	const batches: AuditDoc[][] = [];
	const state = { failing: false };
	const client = {
		json: (path: string, init: { body: { docs: AuditDoc[] } }) => {
			expect(path).toBe('hssk_audit/_bulk_docs');
			if (state.failing) return Promise.reject(new Error('down'));
			batches.push(init.body.docs);
			return Promise.resolve(init.body.docs.map((doc) => ({ id: doc._id, ok: true })));
		}
	} as unknown as CouchClient;
	return { client, batches, state };
}

const entry = {
	unit: '26956',
	actor: 'ctv-demo',
	role: 'collaborator' as const,
	action: 'records.read' as const,
	records: ['household:1']
};

let restoreSink: (() => void) | undefined;
afterEach(() => {
	restoreSink?.();
	vi.useRealTimers();
});

function captureLog(): string[] {
	const lines: string[] = [];
	const previous = setLogSink((line) => lines.push(line));
	restoreSink = () => setLogSink(previous);
	return lines;
}

describe('AuditTrail', () => {
	it("writes each entry once, under its unit's key range, with the server's time", async () => {
		const { client, batches } = fakeCouch();
		const trail = new AuditTrail(client, { now: () => new Date('2026-12-01T08:00:00.000Z') });
		const first = trail.record(entry);
		trail.record({ ...entry, records: [], count: 0 });
		await trail.flush();
		expect(batches).toHaveLength(1);
		expect(batches[0]).toHaveLength(2);
		expect(first._id).toMatch(/^audit:26956:2026-12-01T08:00:00\.000Z:[0-9a-f]{12}$/);
		expect(AUDIT_ID.test(first._id)).toBe(true);
		expect(batches[0][0]).toMatchObject({ type: 'audit', at: '2026-12-01T08:00:00.000Z' });
		// An empty list is left out rather than stored.
		expect(batches[0][1].records).toBeUndefined();
		expect(new Set(batches[0].map((doc) => doc._id)).size).toBe(2);
	});

	it('keeps entries CouchDB could not take and writes them on the next try', async () => {
		const lines = captureLog();
		const { client, batches, state } = fakeCouch();
		const trail = new AuditTrail(client, { retryMs: 10 });
		state.failing = true;
		trail.record(entry);
		await trail.flush();
		expect(trail.pending).toBe(1);
		expect(lines.some((line) => line.includes('audit.write_failed'))).toBe(true);
		state.failing = false;
		await trail.flush();
		expect(trail.pending).toBe(0);
		expect(batches.flat()).toHaveLength(1);
	});

	it('writes in batches, and on its own shortly after', async () => {
		vi.useFakeTimers();
		const { client, batches } = fakeCouch();
		const trail = new AuditTrail(client, { flushMs: 200, maxBatch: 2 });
		trail.record(entry);
		expect(batches).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(250);
		expect(batches.flat()).toHaveLength(1);
		for (let index = 0; index < 5; index++) trail.record(entry);
		await vi.advanceTimersByTimeAsync(250);
		expect(batches.slice(1).map((batch) => batch.length)).toEqual([2, 2, 1]);
	});

	it('drops the oldest past its bound, and says so', async () => {
		const lines = captureLog();
		const { client, batches, state } = fakeCouch();
		const trail = new AuditTrail(client, { maxQueued: 3, retryMs: 60_000 });
		state.failing = true;
		for (let index = 0; index < 5; index++) trail.record({ ...entry, target: String(index) });
		expect(trail.pending).toBe(3);
		expect(lines.filter((line) => line.includes('audit.dropped'))).toHaveLength(2);
		state.failing = false;
		await trail.flush();
		expect(batches.flat().map((doc) => doc.target)).toEqual(['2', '3', '4']);
	});
});
