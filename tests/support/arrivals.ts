// Declarations made on test devices, and what of them is on the server, read as the CouchDB
// admin (not through the gateway under test): sent, arrived, duplicates, lost, unstamped.
// Each declaration carries a marker in its notes, so a copy under another id would be
// counted as a duplicate too, not only a second revision of the same id.

import type { DeviceDatabase } from '../../src/lib/db/database';
import { addDeclaration } from '../../src/lib/db/record-writes';
import type { Declaration, Person } from '../../src/lib/domain';
import type { CouchClient } from '../../src/lib/server/couch/client';
import { until, type Device } from './device';
import type { FaultCounts } from './fault-proxy';

export type Arrivals = {
	sent: number;
	/** Sent declarations found on the server, once each. */
	arrived: number;
	/** Extra copies: another document with the same marker, or a second revision. */
	duplicates: number;
	lost: number;
	/** Arrived without the server's stamp, or stamped for someone else. */
	unstamped: number;
	/** Arrived with health data other than what the device wrote. */
	altered: number;
};

type ServerDoc = Declaration & { _id: string; _rev: string };

/** `count` declarations written on the device, spread over the people it holds. */
export async function declareMany(
	db: DeviceDatabase,
	count: number,
	marker: string
): Promise<Declaration[]> {
	const people = (await db.rx.persons.find().exec()).map((doc) => doc.toJSON() as Person);
	if (people.length === 0) throw new Error(`no people on ${db.username}'s device`);
	const made: Declaration[] = [];
	for (let index = 0; index < count; index++) {
		const person = people[index % people.length];
		const added = await addDeclaration(db, {
			person: person.id,
			role: 'collaborator',
			channel: 'door_to_door',
			consent: { given_by: person.id, mode: 'oral', text_version: 0 },
			health: {
				systolic: 100 + (index % 80),
				diastolic: 60 + (index % 30),
				pulse: 60 + (index % 50),
				notes: `${marker} #${index}`
			}
		});
		if (!added.ok) throw new Error(JSON.stringify(added.problems));
		made.push(added.record);
	}
	return made;
}

async function serverDeclarations(couch: CouchClient, database: string): Promise<ServerDoc[]> {
	const { rows } = await couch.json<{ rows: { id: string; doc?: ServerDoc }[] }>(
		`${database}/_all_docs`,
		{ query: { include_docs: true, startkey: '"declaration:"', endkey: '"declaration:\ufff0"' } }
	);
	return rows.flatMap((row) => (row.doc ? [row.doc] : []));
}

export async function countArrivals(
	couch: CouchClient,
	database: string,
	sent: readonly Declaration[]
): Promise<Arrivals> {
	const onServer = await serverDeclarations(couch, database);
	const byId = new Map(onServer.map((doc) => [doc._id, doc]));
	const markers = new Map<string, number>();
	for (const doc of onServer) {
		const marker = doc.health?.notes;
		if (marker) markers.set(marker, (markers.get(marker) ?? 0) + 1);
	}
	let arrived = 0;
	let duplicates = 0;
	let unstamped = 0;
	let altered = 0;
	for (const declaration of sent) {
		const doc = byId.get(declaration.id);
		duplicates += Math.max(0, (markers.get(declaration.health.notes ?? '') ?? 0) - 1);
		if (!doc) continue;
		arrived += 1;
		if (!doc._rev.startsWith('1-')) duplicates += 1;
		const stamp = doc.stamp;
		if (
			!stamp ||
			stamp.by !== declaration.declared_by ||
			stamp.device_id !== declaration.audit.device_id
		)
			unstamped += 1;
		if (JSON.stringify(doc.health) !== JSON.stringify(declaration.health)) altered += 1;
	}
	return {
		sent: sent.length,
		arrived,
		duplicates,
		lost: sent.length - arrived,
		unstamped,
		altered
	};
}

/** Arrived on the server so far, for waiting on a sync half way. */
export async function arrivedCount(
	couch: CouchClient,
	database: string,
	sent: readonly Declaration[]
): Promise<number> {
	const ids = new Set((await serverDeclarations(couch, database)).map((doc) => doc._id));
	return sent.filter((declaration) => ids.has(declaration.id)).length;
}

/** What every fault test must end with. */
export function exactlyOnce(sent: number): Arrivals {
	return { sent, arrived: sent, duplicates: 0, lost: 0, unstamped: 0, altered: 0 };
}

/** Nothing waits on the device, and the gateway refused nothing in this session. */
export function isSettled(device: Device): boolean {
	const { waiting, refused } = device.sync.status.current;
	return waiting === 0 && refused.length === 0;
}

/**
 * Waits until nothing waits on the devices and everything sent is on the server, or the
 * timeout; then counts, so that a test that did not settle fails on the numbers.
 */
export async function settle(
	couch: CouchClient,
	database: string,
	sent: readonly Declaration[],
	devices: readonly Device[],
	timeoutMs: number
): Promise<Arrivals> {
	try {
		await until(
			async () =>
				devices.every(isSettled) && (await arrivedCount(couch, database, sent)) === sent.length,
			'every declaration on the server and nothing waiting',
			timeoutMs
		);
	} catch {
		// The numbers say what went wrong.
	}
	return countArrivals(couch, database, sent);
}

/** One line a report can quote. */
export function describeArrivals(
	what: string,
	arrivals: Arrivals,
	seconds: number,
	faults?: FaultCounts
): string {
	const numbers =
		`sent ${arrivals.sent}, arrived ${arrivals.arrived}, duplicates ${arrivals.duplicates}, ` +
		`lost ${arrivals.lost}, unstamped ${arrivals.unstamped}`;
	const injected = faults
		? `; ${faults.requests} requests: ${faults.cut} cut mid-answer, ${faults.fail_before} ` +
			`500 before and ${faults.fail_after} 500 after the server, ${faults.delayed} delayed, ` +
			`${faults.unreachable} 502 while the app server was away`
		: '';
	return `${what}: ${numbers} in ${seconds.toFixed(1)} s${injected}`;
}
