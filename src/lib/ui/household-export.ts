// A household's copy of its own data, as the device holds it: the file it downloads (JSON)
// and the request to erase it. The file carries the records' own fields, not the device's
// bookkeeping (revisions, sync metadata), so it reads the same whatever the device.

import type { Declaration, Household, Person } from '$lib/domain';
import { wardRequest } from './ward-admin';

export const EXPORT_FORMAT = 'hssk-household-export';
export const ERASURE_REQUEST_ENDPOINT = '/api/erasure/request';

export type HouseholdExport = {
	format: typeof EXPORT_FORMAT;
	version: 1;
	exported_at: string;
	household: Household;
	members: Person[];
	declarations: Declaration[];
};

function ownFields<T extends object>(record: T): T {
	return Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('_'))) as T;
}

export function householdExport(
	data: { household: Household; persons: Person[]; declarations: Declaration[] },
	now: Date
): HouseholdExport {
	return {
		format: EXPORT_FORMAT,
		version: 1,
		exported_at: now.toISOString(),
		household: ownFields(data.household),
		members: data.persons
			.map(ownFields)
			.sort((a, b) => a.full_name.localeCompare(b.full_name, 'vi')),
		declarations: data.declarations
			.map(ownFields)
			.sort((a, b) => b.declared_at.localeCompare(a.declared_at))
	};
}

/** `hssk-ho-<first 8 of the id>-<yyyy-mm-dd>.json`, by the Vietnamese calendar day. */
export function exportFileName(household: string, now: Date): string {
	const short = household.slice(household.indexOf(':') + 1, household.indexOf(':') + 9);
	const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
	return `hssk-ho-${short}-${day}.json`;
}

export function exportBlob(copy: HouseholdExport): Blob {
	return new Blob([JSON.stringify(copy, null, 2)], { type: 'application/json' });
}

export type ErasureRequestAnswer = { state: 'open' | 'done'; requested_at: string };

export function sendErasureRequest(fetcher: typeof fetch = fetch) {
	return wardRequest<ErasureRequestAnswer>(ERASURE_REQUEST_ENDPOINT, 'POST', {}, fetcher);
}
