// The ward's consent text, as its staff write it: `consent_text:<ward>:<version>` in the org
// database, one document a version and every version kept, since each stored declaration
// names the version it was collected under (docs/decisions/consent.md). A ward that wrote
// none has the standard text, version 0, which is never stored.

import {
	consentTextDocId,
	ConsentTextSchema,
	type ConsentText,
	type ConsentWording
} from '$lib/domain';
import { standardConsentText } from '$lib/domain/consent-standard';
import { CouchError, type CouchClient } from '../couch/client';
import { ORG_DATABASE } from '../couch/databases';

type Rows = { rows: { id: string; doc?: unknown }[] };

async function storedTexts(
	client: CouchClient,
	ward: string,
	limit?: number
): Promise<ConsentText[]> {
	// Zero-padded versions sort as text: newest first is a descending range read.
	const result = await client.json<Rows>(`${ORG_DATABASE}/_all_docs`, {
		query: {
			startkey: JSON.stringify(consentTextDocId(ward, 999_999)),
			endkey: JSON.stringify(consentTextDocId(ward, 1)),
			descending: true,
			include_docs: true,
			...(limit ? { limit } : {})
		}
	});
	return result.rows.flatMap((row) => {
		const parsed = ConsentTextSchema.safeParse(row.doc);
		return parsed.success && parsed.data.ward === ward ? [parsed.data] : [];
	});
}

/** Each ward's newest version as this process last read or wrote it, for the gateway's check. */
const latestKnown = new Map<string, number>();

function remember(ward: string, version: number): void {
	if ((latestKnown.get(ward) ?? -1) < version) latestKnown.set(ward, version);
}

export async function latestConsentText(client: CouchClient, ward: string): Promise<ConsentText> {
	const [latest] = await storedTexts(client, ward, 1);
	const text = latest ?? standardConsentText(ward);
	remember(ward, text.version);
	return text;
}

/** Every version, newest first, the standard text last. */
export async function consentTextsOf(client: CouchClient, ward: string): Promise<ConsentText[]> {
	const texts = [...(await storedTexts(client, ward)), standardConsentText(ward)];
	remember(ward, texts[0].version);
	return texts;
}

export async function addConsentText(
	client: CouchClient,
	ward: string,
	wording: ConsentWording,
	username: string,
	now: Date
): Promise<ConsentText> {
	for (let attempt = 0; attempt < 5; attempt++) {
		const latest = await latestConsentText(client, ward);
		const text = ConsentTextSchema.parse({
			type: 'consent_text',
			ward,
			version: latest.version + 1,
			vi: wording.vi,
			en: wording.en,
			created_at: now.toISOString(),
			created_by: username
		});
		try {
			await client.json(
				`${ORG_DATABASE}/${encodeURIComponent(consentTextDocId(ward, text.version))}`,
				{ method: 'PUT', body: text }
			);
			remember(ward, text.version);
			return text;
		} catch (error) {
			// Another staff member, maybe on another app server, saved the same number first: read
			// the newest again and take the next.
			if (!(error instanceof CouchError && error.status === 409)) throw error;
		}
	}
	throw new Error('could not number the new consent text');
}

/**
 * The ward's newest version, for the gateway's check of a declaration naming `wanted`. The
 * newest is only ever higher than remembered, so a version at or below it needs no request;
 * one above it is read again, as another app server may have just stored it.
 */
export async function latestConsentVersion(
	client: CouchClient,
	ward: string,
	wanted: number
): Promise<number> {
	const known = latestKnown.get(ward);
	if (known !== undefined && wanted <= known) return known;
	return (await latestConsentText(client, ward)).version;
}
