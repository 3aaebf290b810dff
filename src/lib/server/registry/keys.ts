// Ids derived from the registry's own keys, so the same extract always names the same
// records: a second run finds what the first wrote, and a run killed midway is finished by
// the next one without writing anything twice. A household is keyed by the ward and its
// registry code; a person by their citizen ID where there is one (so moving household in the
// registry keeps the person), otherwise by the household, the written name and birth date.

import { createHash } from 'node:crypto';
import { writtenName, type Identity } from '$lib/domain';

const NAMESPACE = 'hssk-registry-v1';

/** The import writes as a device of its own, so its edits are told from people's. */
export const REGISTRY_DEVICE = 'registry-import';

/** A uuid-shaped id (version 8 layout: name-based, SHA-256) always the same for the same parts. */
export function registryUuid(...parts: string[]): string {
	const bytes = createHash('sha256')
		.update(`${NAMESPACE}:${JSON.stringify(parts)}`)
		.digest()
		.subarray(0, 16);
	bytes[6] = (bytes[6] & 0x0f) | 0x80;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function registryHouseholdId(ward: string, code: string): string {
	return `household:${registryUuid(ward, 'household', code)}`;
}

export function registryPersonId(ward: string, householdCode: string, member: Identity): string {
	return member.citizen_id
		? `person:${registryUuid(ward, 'citizen', member.citizen_id)}`
		: `person:${registryUuid(ward, 'member', householdCode, writtenName(member.full_name), member.birth_date)}`;
}

/** Where a record id is said to live on now (a match to a record made in the field, a merge). */
export function aliasDocId(from: string): string {
	return `record_alias:${registryUuid('alias', from)}`;
}

/** One review item per pair of people, whichever is named first. */
export function reviewDocId(a: string, b: string): string {
	const [first, second] = [a, b].sort();
	return `review_item:${registryUuid('review', first, second)}`;
}
