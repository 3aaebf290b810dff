// How the claim endpoints answer a refusal: CouchDB's `{ error, reason }` with the bilingual
// reason, plus what the page needs to offer a way forward (the ward's hotline, tries left).

import { bilingual } from '$lib/domain';
import { jsonResponse } from '../http';
import { wardContact } from './access';
import type { ClaimRefusal } from './claim';

const ERROR_NAMES: Record<ClaimRefusal['status'], string> = {
	400: 'bad_request',
	403: 'forbidden',
	404: 'not_found',
	410: 'gone',
	429: 'too_many_requests'
};

export async function claimRefusal(refusal: ClaimRefusal): Promise<Response> {
	const ward = refusal.ward ? await wardContact(refusal.ward) : undefined;
	return jsonResponse(
		refusal.status,
		{
			error: ERROR_NAMES[refusal.status],
			key: refusal.key,
			reason: bilingual(refusal.key),
			...(ward ? { ward } : {}),
			...(refusal.triesLeft !== undefined ? { tries_left: refusal.triesLeft } : {})
		},
		refusal.retryAfterSeconds ? { 'retry-after': String(refusal.retryAfterSeconds) } : {}
	);
}
