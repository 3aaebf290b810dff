// Carrying out a household's erasure: the erasure record is written first, so from that moment
// the gateway refuses every write of the household (erasure-guard.ts); then every revision of
// its records is removed (remove-records.ts); then its request, if it made one, is closed.
// Run again after a failure, it finds the erasure record and finishes the removal.

import {
	erasureIdOf,
	erasureRequestIdOf,
	wardDatabaseName,
	type Erasure,
	type ErasureRequest
} from '$lib/domain';
import type { CouchClient } from '../couch/client';
import { Refusal } from '../http';
import { householdRecordIds } from './household-records';
import { purgeMethodOf, removeRecords } from './remove-records';

export type ErasureOrder = {
	ward: string;
	household: string;
	by: string;
	now: Date;
};

type Stored<T> = T & { _id: string; _rev?: string };
type HouseholdBody = { type?: string; ward?: string; group?: string; _deleted?: boolean };

async function placeOf(
	client: CouchClient,
	database: string,
	order: ErasureOrder,
	earlier: Stored<Erasure> | null
): Promise<{ group: string }> {
	if (earlier) return { group: earlier.group };
	const household = await client.getDoc<HouseholdBody>(database, order.household);
	if (!household || household._deleted || household.type !== 'household') {
		throw new Refusal(404, 'erasure.not_found');
	}
	if (household.ward !== order.ward || typeof household.group !== 'string') {
		throw new Refusal(404, 'erasure.not_found');
	}
	return { group: household.group };
}

export async function eraseHousehold(client: CouchClient, order: ErasureOrder): Promise<Erasure> {
	const database = wardDatabaseName(order.ward);
	const erasureId = erasureIdOf(order.household);
	const earlier = await client.getDoc<Stored<Erasure>>(database, erasureId);
	const { group } = await placeOf(client, database, order, earlier);
	const request = await client.getDoc<Stored<ErasureRequest>>(
		database,
		erasureRequestIdOf(order.household)
	);
	const found = await householdRecordIds(client, database, order.ward, order.household);
	const records = [...new Set([...(earlier?.records ?? []), ...found])].sort();
	const method = await purgeMethodOf(client, database);
	const erasure: Erasure = {
		type: 'erasure',
		ward: order.ward,
		group,
		household: order.household,
		records,
		erased_at: earlier?.erased_at ?? order.now.toISOString(),
		erased_by: earlier?.erased_by ?? order.by,
		method,
		...(request ? { requested_at: request.requested_at } : {})
	};
	await client.json(`${database}/${encodeURIComponent(erasureId)}`, {
		method: 'PUT',
		body: { ...erasure, ...(earlier?._rev ? { _rev: earlier._rev } : {}) }
	});
	await removeRecords(
		client,
		database,
		records,
		{ ward: order.ward, group, household: order.household },
		method
	);
	if (request && request.state === 'open') {
		const done: ErasureRequest = {
			...request,
			state: 'done',
			done_at: order.now.toISOString(),
			done_by: order.by
		};
		await client.json(`${database}/${encodeURIComponent(request._id)}`, {
			method: 'PUT',
			body: done
		});
	}
	return erasure;
}
