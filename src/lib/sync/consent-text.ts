// The ward's consent text as this device last heard it, so a first declaration made offline
// shows the text and names its version (docs/decisions/consent.md). The text is the ward's,
// not a person's, so it is kept per ward in plain local storage and survives a sign-out.
// Until the device has heard from the server it shows the standard text (version 0), which
// the gateway always accepts.

import { ConsentTextSchema, type ConsentText } from '$lib/domain';
import { standardConsentText } from '$lib/domain/consent-standard';
import { z } from 'zod';

export const CONSENT_TEXT_PATH = '/api/consent';

export type ConsentTextStore = Pick<Storage, 'getItem' | 'setItem'>;

export function consentTextKey(ward: string): string {
	return `hssk.consent_text.${ward}`;
}

const AnswerSchema = z.object({ text: ConsentTextSchema });

export function savedConsentText(store: ConsentTextStore, ward: string): ConsentText {
	let raw: string | null = null;
	try {
		raw = store.getItem(consentTextKey(ward));
	} catch {
		return standardConsentText(ward);
	}
	if (raw === null) return standardConsentText(ward);
	try {
		const parsed = ConsentTextSchema.safeParse(JSON.parse(raw));
		return parsed.success && parsed.data.ward === ward ? parsed.data : standardConsentText(ward);
	} catch {
		return standardConsentText(ward);
	}
}

export type ConsentTextRefreshOptions = {
	store: ConsentTextStore;
	fetch?: typeof fetch;
	origin?: string;
};

/**
 * Asks the server for the caller's ward's newest text and keeps it. Any failure leaves the
 * saved copy as it was and answers null: the form then shows that copy.
 */
export async function refreshConsentText(
	options: ConsentTextRefreshOptions
): Promise<ConsentText | null> {
	const base = options.fetch ?? globalThis.fetch.bind(globalThis);
	const origin = options.origin ?? (typeof location === 'undefined' ? '' : location.origin);
	try {
		const response = await base(`${origin}${CONSENT_TEXT_PATH}`, {
			credentials: 'same-origin',
			headers: { accept: 'application/json' }
		});
		if (!response.ok) return null;
		const parsed = AnswerSchema.safeParse(await response.json());
		if (!parsed.success) return null;
		const text = parsed.data.text;
		// A newer copy is never replaced by an older one a slow answer brought.
		if (savedConsentText(options.store, text.ward).version > text.version) return null;
		options.store.setItem(consentTextKey(text.ward), JSON.stringify(text));
		return text;
	} catch {
		return null;
	}
}
