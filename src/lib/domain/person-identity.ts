// When two person records are the same person, and when they only look alike. The registry
// import, the gateway at sync and the device's form all ask the same questions:
//
// - a citizen ID (CCCD) is unique: the same ID is the same person, two different IDs are two
//   people whatever their names;
// - otherwise the same written name (Unicode NFC, case and spaces aside) and the same birth
//   date, in the same household, is the same person;
// - the same name folded (tones, vowel marks and đ dropped) is only the search key: in
//   Vietnamese the marks tell names apart (Hà, Hạ, Hả are three names), so names that differ
//   by their marks alone, by one letter, or birth dates with day and month swapped (or a year
//   alone against a full date of that year) are near matches, for a person to decide.

import { foldVietnamese } from './search-fold';

export type Identity = {
	full_name: string;
	birth_date: string;
	citizen_id?: string;
};

export const NEAR_KINDS = ['diacritics', 'name_typo', 'day_month_swapped', 'year_only'] as const;
export type NearKind = (typeof NEAR_KINDS)[number];

/** The name as written, compared without case or extra spaces. */
export function writtenName(name: string): string {
	return name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** The key people are looked up by: folded name and birth date. */
export function identityKey(identity: Pick<Identity, 'full_name' | 'birth_date'>): string {
	return `${foldVietnamese(identity.full_name)}|${identity.birth_date}`;
}

/** True when the two records are certainly the same person by the rules above. */
export function isSameIdentity(a: Identity, b: Identity): boolean {
	if (a.citizen_id && b.citizen_id) return a.citizen_id === b.citizen_id;
	return writtenName(a.full_name) === writtenName(b.full_name) && a.birth_date === b.birth_date;
}

/** Levenshtein distance of at most one, an adjacent transposition counting as one. */
export function withinOneEdit(a: string, b: string): boolean {
	if (a === b) return true;
	if (Math.abs(a.length - b.length) > 1) return false;
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	let start = 0;
	while (start < short.length && short[start] === long[start]) start += 1;
	if (short.length === long.length) {
		if (short.slice(start + 1) === long.slice(start + 1)) return true;
		return (
			short[start] === long[start + 1] &&
			short[start + 1] === long[start] &&
			short.slice(start + 2) === long.slice(start + 2)
		);
	}
	return short.slice(start) === long.slice(start + 1);
}

function nameDifference(a: string, b: string): NearKind | 'same' | null {
	if (writtenName(a) === writtenName(b)) return 'same';
	const foldedA = foldVietnamese(a);
	const foldedB = foldVietnamese(b);
	if (foldedA === foldedB) return 'diacritics';
	return withinOneEdit(foldedA, foldedB) ? 'name_typo' : null;
}

function dateDifference(a: string, b: string): NearKind | 'same' | null {
	if (a === b) return 'same';
	if (a.slice(0, 4) !== b.slice(0, 4)) return null;
	if (a.length === 4 || b.length === 4) return 'year_only';
	const [, monthA, dayA] = a.split('-');
	const [, monthB, dayB] = b.split('-');
	return monthA === dayB && dayA === monthB ? 'day_month_swapped' : null;
}

/**
 * How two records that are not the same person look alike, or null when they do not: one
 * difference in the name (its marks, or one letter) or one in the birth date (day and month
 * swapped, or a year alone), or a difference of marks together with one in the date. Two
 * different citizen IDs are never near: the ID is the registry's word.
 */
export function nearMatch(a: Identity, b: Identity): NearKind[] | null {
	if (a.citizen_id && b.citizen_id) return null;
	const name = nameDifference(a.full_name, b.full_name);
	const date = dateDifference(a.birth_date, b.birth_date);
	if (name === null || date === null) return null;
	if (name === 'same' && date === 'same') return null;
	if (name === 'name_typo' && date !== 'same') return null;
	return [name, date].filter((kind): kind is NearKind => kind !== 'same');
}

export type DuplicateKind = 'same_citizen_id' | 'same_name_birth';

/**
 * Why two records may be one person added twice: the same citizen ID, or the same folded
 * name and birth date (what the field check looks for: a collaborator types without marks,
 * so "Nguyen Van An" born 12/03/1980 is the "Nguyễn Văn An" the ward already has). Empty when
 * neither, or when two different citizen IDs say they are two people.
 */
export function duplicateKinds(a: Identity, b: Identity): DuplicateKind[] {
	if (a.citizen_id && b.citizen_id && a.citizen_id !== b.citizen_id) return [];
	const kinds: DuplicateKind[] = [];
	if (a.citizen_id && a.citizen_id === b.citizen_id) kinds.push('same_citizen_id');
	if (identityKey(a) === identityKey(b)) kinds.push('same_name_birth');
	return kinds;
}
