// A household's request to erase its data, made from its own phone, and the ward's list of
// requests waiting for its staff. One request per household (`erasure_request:<household>`):
// asking again while one is open changes nothing.

import {
	ErasureRequestSchema,
	erasureRequestIdOf,
	wardDatabaseName,
	type ErasureRequest
} from '$lib/domain';
import { CouchError, type CouchClient } from '../couch/client';

type Stored = ErasureRequest & { _id: string; _rev?: string };

export type RequestOrder = {
	ward: string;
	group: string;
	household: string;
	by: string;
	deviceId?: string;
	now: Date;
};

export async function requestErasure(
	client: CouchClient,
	order: RequestOrder
): Promise<{ request: ErasureRequest; isNew: boolean }> {
	const database = wardDatabaseName(order.ward);
	const id = erasureRequestIdOf(order.household);
	const existing = await client.getDoc<Stored>(database, id);
	if (existing?.state === 'open') return { request: strip(existing), isNew: false };
	const request: ErasureRequest = {
		type: 'erasure_request',
		ward: order.ward,
		group: order.group,
		household: order.household,
		requested_at: order.now.toISOString(),
		requested_by: order.by,
		...(order.deviceId ? { device_id: order.deviceId } : {}),
		state: 'open'
	};
	try {
		await client.json(`${database}/${encodeURIComponent(id)}`, {
			method: 'PUT',
			body: { ...request, ...(existing?._rev ? { _rev: existing._rev } : {}) }
		});
	} catch (error) {
		// Two taps at once: the other one wrote the same request.
		if (!(error instanceof CouchError && error.status === 409)) throw error;
		const stored = await client.getDoc<Stored>(database, id);
		if (stored) return { request: strip(stored), isNew: false };
		throw error;
	}
	return { request, isNew: true };
}

function strip(stored: Stored): ErasureRequest {
	return ErasureRequestSchema.parse(stored);
}

/** The requests of the ward, open ones first, then the newest. */
export async function erasureRequests(
	client: CouchClient,
	ward: string
): Promise<ErasureRequest[]> {
	const { rows } = await client.json<{ rows: { doc?: unknown }[] }>(
		`${wardDatabaseName(ward)}/_all_docs`,
		{
			query: {
				include_docs: true,
				startkey: '"erasure_request:"',
				endkey: '"erasure_request:\ufff0"'
			}
		}
	);
	return rows
		.flatMap((row) => {
			const parsed = ErasureRequestSchema.safeParse(row.doc);
			return parsed.success && parsed.data.ward === ward ? [parsed.data] : [];
		})
		.sort(
			(a, b) =>
				Number(b.state === 'open') - Number(a.state === 'open') ||
				b.requested_at.localeCompare(a.requested_at)
		);
}
