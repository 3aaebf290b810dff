// The devices of a unit's wards as they last reported (their device status records), with
// the server's time of each report: the device's own clock may be days wrong.

import { DeviceStatusSchema, wardDatabaseName, type DeviceReport } from '$lib/domain';
import type { CouchClient } from '../couch/client';

type AllDocsRow = { doc?: Record<string, unknown> };

export async function wardDevices(client: CouchClient, ward: string): Promise<DeviceReport[]> {
	const { rows } = await client.json<{ rows: AllDocsRow[] }>(
		`${wardDatabaseName(ward)}/_all_docs`,
		{
			query: {
				include_docs: true,
				startkey: JSON.stringify('device_status:'),
				endkey: JSON.stringify('device_status:\ufff0')
			}
		}
	);
	const reports: DeviceReport[] = [];
	for (const row of rows) {
		if (!row.doc || row.doc._deleted) continue;
		const parsed = DeviceStatusSchema.safeParse({ ...row.doc, id: row.doc._id });
		if (!parsed.success) continue;
		const status = parsed.data;
		reports.push({
			ward: status.ward,
			user: status.user,
			device_id: status.device_id,
			app_version: status.app_version,
			reported_at: status.stamp?.at ?? null,
			last_push_at: status.last_push_at ?? null,
			last_pull_at: status.last_pull_at ?? null,
			waiting: status.waiting,
			last_error: status.last_error ?? null
		});
	}
	return reports;
}
