// The ward's consent text (docs/decisions/consent.md). `GET` answers the newest version of the
// caller's own ward: a household's phone, a collaborator and ward staff read it to show it
// with a first declaration; `GET ?all=1` answers every version, for the ward's staff. `POST
// { vi, en }` stores a new version, by the ward's staff only; the earlier ones are kept.

import { json, type RequestHandler } from '@sveltejs/kit';
import { ConsentWordingInputSchema, problemsOf } from '$lib/domain';
import { audit } from '$lib/server/audit';
import { couch } from '$lib/server/config';
import { addConsentText, consentTextsOf, latestConsentText } from '$lib/server/consent/texts';
import { withSignedIn } from '$lib/server/endpoint';
import { Refusal, refusal } from '$lib/server/http';
import { logEvent } from '$lib/server/log';

export const GET: RequestHandler = (event) =>
	withSignedIn(event, 'consent_text.failed', async (user) => {
		const ward = user.ward?.code;
		if (!ward) throw new Refusal(403, 'consent_text.ward_only');
		if (event.url.searchParams.get('all') === '1') {
			if (user.role !== 'ward_staff') throw new Refusal(403, 'consent_text.staff_only');
			return json({ texts: await consentTextsOf(couch(), ward) });
		}
		return json({ text: await latestConsentText(couch(), ward) });
	});

export const POST: RequestHandler = (event) =>
	withSignedIn(event, 'consent_text.failed', async (user, caller) => {
		const ward = user.ward?.code;
		if (user.role !== 'ward_staff' || !ward) throw new Refusal(403, 'consent_text.staff_only');
		const body: unknown = await event.request.json().catch(() => {
			throw new Refusal(400, 'gateway.bad_request');
		});
		const input = ConsentWordingInputSchema.safeParse(body);
		if (!input.success) {
			return refusal(400, problemsOf(input.error)[0]?.key ?? 'gateway.bad_request');
		}
		const text = await addConsentText(couch(), ward, input.data, user.username, new Date());
		audit(caller, { unit: ward, action: 'consent_text.changed', target: `v${text.version}` });
		// The version, never the words: a log line says what happened, not what was written.
		logEvent('info', 'consent_text.changed', { user: user.username, ward, version: text.version });
		return json({ text }, { status: 201 });
	});
