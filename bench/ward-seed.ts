// The whole ward of the browser sync benchmark: the demo's households (so groups, names and
// addresses are the demo's), thinned to the wanted number of people, and one declaration for
// every person, the size of a real ward where everyone has declared once.

import { collaboratorOf, DEMO_WARD_CODE } from '../couch/seed/demo';
import { deviceOf, stampAfter } from '../couch/seed/authoring';
import { healthReading } from '../couch/seed/health';
import { auditOf, demoHousehold } from '../couch/seed/households';
import { Random, stableUuid } from '../couch/seed/random';
import { toCouchDoc, validated } from '../couch/seed/seed-demo';
import { wardDatabaseName } from '../src/lib/domain/ids';
import type { WardRecord } from '../src/lib/domain';
import type { CouchClient } from '../src/lib/server/couch/client';

const DAY_MS = 24 * 60 * 60 * 1000;
const WRITE_BATCH = 2000;

export type WardSize = { households: number; persons: number };

export type SeededWard = {
	households: number;
	persons: number;
	declarations: number;
	/** Every document written (the ward's records). */
	docs: number;
};

/** The ward's records: every household, its first members up to the share that gives about
 * `size.persons` people, and one door-to-door declaration each a day after they were added. */
export function benchWard(size: WardSize, now = new Date()): WardRecord[] {
	const households = Array.from({ length: size.households }, (_, index) =>
		demoHousehold(index, now)
	);
	const everyone = households.reduce((sum, household) => sum + household.people.length, 0);
	const share = Math.min(1, size.persons / everyone);
	const records: WardRecord[] = [];
	for (const household of households) {
		records.push(validated(household.record));
		const kept = household.people.slice(
			0,
			Math.max(1, Math.round(household.people.length * share))
		);
		const random = new Random(`bench-declarations/${household.index}`);
		for (const person of kept) {
			records.push(validated(person.record));
			const user = collaboratorOf(household.record.group);
			const at = new Date(
				Math.min(now.getTime(), Date.parse(person.record.audit.created_at) + DAY_MS)
			);
			const authoring = { user, device: deviceOf(user), at };
			records.push(
				validated({
					id: `declaration:${stableUuid(`${person.record.id}/bench-declaration`)}`,
					type: 'declaration',
					ward: household.record.ward,
					group: household.record.group,
					person: person.record.id,
					household: household.record.id,
					declared_at: at.toISOString(),
					declared_by: user,
					role: 'collaborator',
					channel: 'door_to_door',
					health: healthReading(random, person.profile, 'door_to_door'),
					consent: {
						text_version: 0,
						given_at: at.toISOString(),
						given_by: person.record.id,
						mode: 'oral',
						recorded_by: user,
						device_id: deviceOf(user)
					},
					audit: auditOf(authoring),
					stamp: stampAfter(random, authoring, now)
				})
			);
		}
	}
	return records;
}

type BulkResult = { id: string; error?: string };

/** Writes the ward's records into the demo ward's database (provisioned, empty of records). */
export async function seedBenchWard(client: CouchClient, size: WardSize): Promise<SeededWard> {
	const records = benchWard(size);
	const database = wardDatabaseName(DEMO_WARD_CODE);
	const docs = records.map(toCouchDoc);
	for (let start = 0; start < docs.length; start += WRITE_BATCH) {
		const batch = docs.slice(start, start + WRITE_BATCH);
		const write = () =>
			client.json<BulkResult[]>(`${database}/_bulk_docs`, {
				method: 'POST',
				body: { docs: batch }
			});
		// A kept-alive connection PouchDB Server closes as a batch is sent fails the write
		// (EPIPE); sent again, what the first attempt stored answers as a conflict.
		const results = await write().catch(async () => write());
		const failed = results.find((result) => result.error && result.error !== 'conflict');
		if (failed) throw new Error(`Writing ${database}/${failed.id}: ${failed.error}`);
	}
	const count = (type: WardRecord['type']) =>
		records.filter((record) => record.type === type).length;
	return {
		households: count('household'),
		persons: count('person'),
		declarations: count('declaration'),
		docs: docs.length
	};
}
