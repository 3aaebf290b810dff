// Random offline edits of one household on two and three phones, with random sync points,
// replicated in memory the way RxDB's CouchDB replication does it (push against the state the
// edit started from, the conflict handler on a mismatch, then pull) and with the same
// conflict handler the device database uses. After everyone syncs, every copy must be the
// server's, and every edit must be in the record or kept as a clash, unless the device that
// replaced it had seen it. Ward staff on any phone confirm clashes along the way; a clash
// confirmed anywhere must end confirmed everywhere.

import fc from 'fast-check';
import type { WithDeleted } from 'rxdb';
import { describe, expect, it } from 'vitest';
import {
	clashKeyOf,
	editsAfterWrite,
	HOUSEHOLD_EDITABLE_FIELDS,
	openClashes,
	settleClash,
	type ClashChoice,
	type Household
} from '$lib/domain';
import { createConflictHandler, isSameEdit, isSameState } from './conflict-handler';

type Doc = WithDeleted<Household>;
type Field = 'head_name' | 'phone' | 'address.street' | 'address.house_number';
const FIELDS: Field[] = ['head_name', 'phone', 'address.street', 'address.house_number'];
const RUNS = 300;

const start: Doc = {
	id: 'household:6a3c1f0e-8a4b-4c39-9a55-0d7b6c1e2f10',
	type: 'household',
	ward: '26956',
	group: '26956-01',
	address: { house_number: '12/3A', street: 'Bình Quới' },
	head_name: 'Nguyễn Văn Tám',
	audit: {
		created_at: '2026-11-28T09:00:00+07:00',
		created_by: 'ctv-demo',
		updated_at: '2026-11-28T09:00:00+07:00',
		updated_by: 'ctv-demo',
		device_id: 'device-0000'
	},
	stamp: { by: 'ctv-demo', at: '2026-11-28T02:00:00.000Z' },
	_deleted: false
};

type Client = { deviceId: string; fork: Doc; assumed: Doc };
type Op =
	| { kind: 'edit'; client: number; field: Field }
	| { kind: 'sync'; client: number }
	| { kind: 'settle'; client: number; choice: ClashChoice }
	| { kind: 'sync_all' };

function read(doc: Doc, field: Field): string | undefined {
	if (field === 'address.street') return doc.address.street;
	if (field === 'address.house_number') return doc.address.house_number;
	return doc[field];
}

function write(doc: Doc, field: Field, value: string): Doc {
	if (field === 'address.street') return { ...doc, address: { ...doc.address, street: value } };
	if (field === 'address.house_number')
		return { ...doc, address: { ...doc.address, house_number: value } };
	return { ...doc, [field]: value };
}

async function simulate(clientCount: number, ops: Op[]) {
	const handler = createConflictHandler<Household>('households', () => undefined);
	const server = { doc: start, writes: 0 };
	const clients: Client[] = Array.from({ length: clientCount }, (_, index) => ({
		deviceId: `device-000${index + 1}`,
		fork: start,
		assumed: start
	}));
	const made: { field: Field; value: string }[] = [];
	const seen = new Set<string>();
	const settled = new Set<string>();
	let clock = 0;

	function edit(client: Client, field: Field) {
		clock += 1;
		const value = `${client.deviceId.slice(-1)}-${clock}`;
		const held = read(client.fork, field);
		if (held !== undefined) seen.add(`${field}=${held}`);
		const at = new Date(Date.UTC(2026, 10, 28, 3, 0, clock)).toISOString();
		const next = write(client.fork, field, value);
		const editor = { device_id: client.deviceId, by: 'ctv-demo', at };
		const edits = editsAfterWrite(
			HOUSEHOLD_EDITABLE_FIELDS,
			client.fork,
			next,
			client.fork.edits,
			editor
		);
		client.fork = {
			...next,
			edits,
			audit: { ...next.audit, updated_at: at, device_id: client.deviceId }
		};
		delete client.fork.stamp;
		made.push({ field, value });
	}

	/** Ward staff on this device confirm the first open clash it holds, if any. */
	function settle(client: Client, choice: ClashChoice) {
		const [clash] = openClashes(client.fork.clashes);
		if (!clash) return;
		clock += 1;
		const held = read(client.fork, clash.field as Field);
		if (held !== undefined) seen.add(`${clash.field}=${held}`);
		const at = new Date(Date.UTC(2026, 10, 28, 3, 0, clock)).toISOString();
		const editor = { device_id: client.deviceId, by: 'ward-demo', at };
		const next = settleClash(client.fork, clash, choice, editor);
		client.fork = { ...next, audit: { ...next.audit, updated_at: at, device_id: client.deviceId } };
		delete client.fork.stamp;
		settled.add(clashKeyOf(clash));
	}

	async function sync(client: Client) {
		// Push: only local changes, written against the server state they started from.
		for (let attempt = 0; !isSameEdit(client.fork, client.assumed); attempt += 1) {
			if (attempt > 5) throw new Error('push did not settle');
			if (isSameState(server.doc, client.assumed, 'couchdb-push-1')) {
				server.writes += 1;
				const at = new Date(Date.UTC(2026, 10, 28, 4, 0, server.writes)).toISOString();
				server.doc = { ...client.fork, stamp: { by: 'ctv-demo', at } };
				client.assumed = server.doc;
				client.fork = server.doc;
			} else {
				const real = server.doc;
				client.fork = await handler.resolve(
					{
						newDocumentState: client.fork,
						assumedMasterState: client.assumed,
						realMasterState: real
					},
					'replication-resolve-conflict'
				);
				client.assumed = real;
			}
		}
		// Pull: nothing local is waiting, so the server's copy replaces this one.
		client.fork = server.doc;
		client.assumed = server.doc;
	}

	for (const op of ops) {
		if (op.kind === 'sync_all') {
			for (const client of clients) await sync(client);
			continue;
		}
		const client = clients[op.client % clientCount];
		if (op.kind === 'edit') edit(client, op.field);
		else if (op.kind === 'settle') settle(client, op.choice);
		else await sync(client);
	}
	for (let round = 0; round < 2; round += 1) {
		for (const client of clients) await sync(client);
	}
	return { server: server.doc, clients, made, seen, settled };
}

function operations(clientCount: number) {
	const client = fc.nat({ max: clientCount - 1 });
	// Weighted so that clashes happen, reach other phones (everyone syncing now and then) and
	// get confirmed there, while edits made before the confirmation are still on their way.
	const op = fc.oneof(
		{
			weight: 4,
			arbitrary: fc.record({
				kind: fc.constant('edit' as const),
				client,
				field: fc.constantFrom(...FIELDS)
			})
		},
		{ weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), client }) },
		{ weight: 1, arbitrary: fc.record({ kind: fc.constant('sync_all' as const) }) },
		{
			weight: 3,
			arbitrary: fc.record({
				kind: fc.constant('settle' as const),
				client,
				choice: fc.constantFrom<ClashChoice>('kept', 'lost')
			})
		}
	);
	// At most 10 edits, so no clash is pushed out of the bounded list.
	return fc
		.array(op, { minLength: 12, maxLength: 30 })
		.filter((ops) => ops.filter((o) => o.kind === 'edit').length <= 10);
}

async function checkConverges(clientCount: number, ops: Op[]) {
	const { server, clients, made, seen, settled } = await simulate(clientCount, ops);
	for (const client of clients) expect(client.fork).toEqual(server);
	for (const { field, value } of made) {
		if (seen.has(`${field}=${value}`)) continue;
		const isPresent = read(server, field) === value;
		const isClash = (server.clashes ?? []).some(
			(clash) => clash.field === field && clash.lost === value
		);
		expect(isPresent || isClash, `${field}=${value} is neither kept nor a clash`).toBe(true);
	}
	// A clash ward staff confirmed anywhere stays confirmed: no phone reopened it.
	for (const key of settled) {
		const clash = server.clashes?.find((held) => clashKeyOf(held) === key);
		expect(clash?.settled, `the confirmed clash ${key} was reopened`).toBeDefined();
	}
}

describe('offline edits on several phones, merged in any order', () => {
	it('two phones end equal, with every edit kept or recorded as a clash', async () => {
		await fc.assert(
			fc.asyncProperty(operations(2), (ops) => checkConverges(2, ops)),
			{ numRuns: RUNS }
		);
	});

	it('three phones end equal, with every edit kept or recorded as a clash', async () => {
		await fc.assert(
			fc.asyncProperty(operations(3), (ops) => checkConverges(3, ops)),
			{ numRuns: RUNS }
		);
	});

	it('settles on the same values whichever phone syncs first', async () => {
		await fc.assert(
			fc.asyncProperty(operations(3), fc.nat({ max: 5 }), async (ops, rotation) => {
				const edits = ops.filter((op) => op.kind === 'edit');
				const orders = [0, 1, 2].map((offset) =>
					[0, 1, 2].map((index) => ({
						kind: 'sync' as const,
						client: (index + offset + rotation) % 3
					}))
				);
				const results = await Promise.all(orders.map((order) => simulate(3, [...edits, ...order])));
				const values = results.map(({ server }) => FIELDS.map((field) => read(server, field)));
				expect(values[1]).toEqual(values[0]);
				expect(values[2]).toEqual(values[0]);
			}),
			{ numRuns: RUNS }
		);
	});
});
