// The ward staff's list of households' erasure requests and the order to carry one out, as
// the screen sends them (`/api/erasure`). Online only, like the other ward requests.

import type { ErasureRequest } from '$lib/domain';
import { wardRequest } from './ward-admin';

export const ERASURE_ENDPOINT = '/api/erasure';

export type ErasureOutcome = { household: string; records: number; method: string };

export function loadErasureRequests(fetcher: typeof fetch = fetch) {
	return wardRequest<{ requests: ErasureRequest[] }>(ERASURE_ENDPOINT, 'GET', undefined, fetcher);
}

export function eraseHousehold(household: string, fetcher: typeof fetch = fetch) {
	return wardRequest<ErasureOutcome>(ERASURE_ENDPOINT, 'POST', { household }, fetcher);
}

/** The short form of a household id that staff read and say: its first eight characters. */
export function shortHousehold(household: string): string {
	return household.slice(household.indexOf(':') + 1, household.indexOf(':') + 9);
}
