// The ward staff's reading and saving of the ward's consent text (`/api/consent`), online
// only like the other ward requests.

import type { ConsentText, ConsentWording } from '$lib/domain';
import { wardRequest } from './ward-admin';

export const CONSENT_TEXT_ENDPOINT = '/api/consent';

export function loadConsentTexts(fetcher: typeof fetch = fetch) {
	return wardRequest<{ texts: ConsentText[] }>(
		`${CONSENT_TEXT_ENDPOINT}?all=1`,
		'GET',
		undefined,
		fetcher
	);
}

export function saveConsentText(wording: ConsentWording, fetcher: typeof fetch = fetch) {
	return wardRequest<{ text: ConsentText }>(CONSENT_TEXT_ENDPOINT, 'POST', wording, fetcher);
}
