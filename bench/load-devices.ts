// The simulated phones of the load benchmark: light HTTP clients that push declarations the
// way the app's RxDB replication does (`POST _all_docs` with the batch's keys, then
// `POST _bulk_docs` with normal edits), one batch after another with no pause, until the
// phase's deadline. A push that fails is sent again, the same declarations with the same ids,
// as the phone's retry would: the append-only gateway answers a resent one as already there.

import { newId } from '../src/lib/domain/ids';

export type Person = { id: string; household: string; group: string };

/** Where a phone pushes and as whom: the gateway with a session cookie, or CouchDB as admin. */
export type PushTarget = { databaseUrl: string; headers: Record<string, string> };

export type LoadDevice = {
	username: string;
	deviceId: string;
	persons: readonly Person[];
	target: PushTarget;
};

export type DeviceTally = {
	/** Milliseconds of each accepted push, its `_all_docs` and `_bulk_docs` together. */
	latencies: number[];
	/** Declarations written before the deadline (or found already written on a resend). */
	accepted: number;
	/** Failed pushes: an HTTP error, a refused row, or no answer. */
	errors: number;
	/** Every declaration id sent, accepted or not, for the check at the end. */
	sent: string[];
	/** Ids whose push never succeeded before the phase ended. */
	unsettled: string[];
};

type WriteRow = { id: string; ok?: boolean; error?: string; reason?: string };

const RETRY_PAUSE_MS = 100;
/** A push the deadline caught failing is retried this many times more, so none is left unknown. */
const FINAL_TRIES = 20;

function declarationOf(device: LoadDevice, person: Person, at: string): Record<string, unknown> {
	return {
		_id: newId('declaration'),
		type: 'declaration',
		ward: person.group.split('-')[0],
		group: person.group,
		person: person.id,
		household: person.household,
		declared_at: at,
		declared_by: device.username,
		role: 'collaborator',
		channel: 'door_to_door',
		health: {
			systolic: 110 + Math.floor(Math.random() * 30),
			diastolic: 70 + Math.floor(Math.random() * 10),
			pulse: 60 + Math.floor(Math.random() * 30),
			weight_kg: 50 + Math.floor(Math.random() * 30)
		},
		consent: {
			text_version: 0,
			given_at: at,
			given_by: person.id,
			mode: 'oral',
			recorded_by: device.username,
			device_id: device.deviceId
		},
		audit: {
			created_at: at,
			created_by: device.username,
			updated_at: at,
			updated_by: device.username,
			device_id: device.deviceId
		}
	};
}

/** A resent declaration already on the server is a success, as the phone takes it. */
function isAccepted(row: WriteRow): boolean {
	return row.ok === true || (row.error === 'conflict' && row.id.startsWith('declaration:'));
}

async function push(target: PushTarget, docs: Record<string, unknown>[]): Promise<boolean> {
	const headers = { ...target.headers, 'content-type': 'application/json' };
	try {
		const read = await fetch(`${target.databaseUrl}/_all_docs`, {
			method: 'POST',
			headers,
			body: JSON.stringify({
				keys: docs.map((doc) => doc._id),
				include_docs: true,
				deleted: 'ok'
			})
		});
		await read.arrayBuffer();
		if (read.status !== 200) return false;
		const write = await fetch(`${target.databaseUrl}/_bulk_docs`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ docs })
		});
		const rows = (await write.json()) as WriteRow[];
		return write.status === 201 && Array.isArray(rows) && rows.every(isAccepted);
	} catch {
		return false;
	}
}

/** Pushes batches of `batch` declarations until `deadline` (ms since the epoch). */
export async function runDevice(
	device: LoadDevice,
	batch: number,
	deadline: number
): Promise<DeviceTally> {
	const tally: DeviceTally = { latencies: [], accepted: 0, errors: 0, sent: [], unsettled: [] };
	let pending: Record<string, unknown>[] | undefined;
	while (Date.now() < deadline) {
		if (!pending) {
			const at = new Date().toISOString();
			pending = Array.from({ length: batch }, () =>
				declarationOf(device, device.persons[Math.floor(Math.random() * device.persons.length)], at)
			);
			tally.sent.push(...pending.map((doc) => String(doc._id)));
		}
		const started = performance.now();
		if (await push(device.target, pending)) {
			tally.latencies.push(performance.now() - started);
			tally.accepted += pending.length;
			pending = undefined;
		} else {
			tally.errors++;
			await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
		}
	}
	// Settled after the deadline: checked at the end, not counted in the phase's rate.
	for (let tries = 0; pending && tries < FINAL_TRIES; tries++) {
		if (await push(device.target, pending)) {
			pending = undefined;
		} else {
			tally.errors++;
			await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
		}
	}
	if (pending) tally.unsettled.push(...pending.map((doc) => String(doc._id)));
	return tally;
}
