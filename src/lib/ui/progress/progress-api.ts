// The supervisor screens' requests: one unit's progress, a group's households, a unit's
// devices. The dashboard needs the network; an answer that does not come says "offline".

import type { DeviceReport, HouseholdProgress, UnitProgress } from '$lib/domain';

export type { HouseholdProgress, UnitProgress, UnitRow } from '$lib/domain';

export type DeviceRow = DeviceReport & { is_stale: boolean; has_waiting: boolean };

export type UnitDevices = {
	stale_hours: number;
	collaborators: {
		username: string;
		display_name: string;
		groups: string[];
		devices: DeviceRow[];
		needs_attention: boolean;
	}[];
	other_devices: DeviceRow[];
};

export type Answer<T> =
	| { ok: true; value: T }
	| { ok: false; offline: true }
	| { ok: false; offline: false; status: number; reason: string };

const TIMEOUT_MS = 30_000;

export async function getJson<T>(path: string, fetcher: typeof fetch): Promise<Answer<T>> {
	let response: Response;
	try {
		response = await fetcher(path, {
			headers: { accept: 'application/json' },
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
	} catch {
		return { ok: false, offline: true };
	}
	let body: unknown = null;
	try {
		body = await response.json();
	} catch {
		// reported by status below
	}
	if (response.ok && body !== null) return { ok: true, value: body as T };
	const reason = (body as { reason?: unknown } | null)?.reason;
	return {
		ok: false,
		offline: false,
		status: response.status,
		reason: typeof reason === 'string' ? reason : `HTTP ${response.status}`
	};
}

export function loadUnitProgress(unit: string | null, fetcher: typeof fetch = fetch) {
	const query = unit ? `?${new URLSearchParams({ unit })}` : '';
	return getJson<UnitProgress>(`/api/progress${query}`, fetcher);
}

export function loadGroupHouseholds(group: string, fetcher: typeof fetch = fetch) {
	return getJson<{ households: HouseholdProgress[] }>(
		`/api/progress/households?${new URLSearchParams({ group })}`,
		fetcher
	);
}

export function loadUnitDevices(unit: string, hours: number, fetcher: typeof fetch = fetch) {
	return getJson<UnitDevices>(
		`/api/progress/devices?${new URLSearchParams({ unit, hours: String(hours) })}`,
		fetcher
	);
}
