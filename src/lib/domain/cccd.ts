// Citizen ID (căn cước công dân, CCCD): 12 digits = 3-digit province code of the birth
// registration + 1 digit for century and sex + 2 digits of the birth year + 6 digits.
// Checking the structure against the declared birth date and sex catches most typos
// without any outside service.

import { birthYear, type PartialDate } from './dates';
import type { MessageKey } from './messages';

export type Sex = 'male' | 'female';

/** The province codes of the CCCD (Circular 07/2016/TT-BCA), unchanged by the 2025 mergers. */
export const CCCD_PROVINCE_CODES: ReadonlySet<string> = new Set(
	(
		'001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 ' +
		'034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 ' +
		'067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'
	).split(' ')
);

/** The fourth digit: even for men, odd for women; 0–1 born 1900–1999, 2–3 born 2000–2099… */
export function centurySexDigit(year: number, sex: Sex): number {
	const century = Math.floor(year / 100) - 19;
	return century * 2 + (sex === 'female' ? 1 : 0);
}

/** Null when the id is well formed and agrees with the birth date and sex that are known. */
export function checkCitizenId(id: string, birth?: PartialDate, sex?: Sex): MessageKey | null {
	if (!/^\d{12}$/.test(id)) return 'cccd.format';
	if (!CCCD_PROVINCE_CODES.has(id.slice(0, 3))) return 'cccd.province';
	const digit = Number(id[3]);
	if (birth) {
		const year = birthYear(birth);
		const expected = centurySexDigit(year, sex ?? (digit % 2 === 1 ? 'female' : 'male'));
		if (
			Math.floor(digit / 2) !== Math.floor(expected / 2) ||
			id.slice(4, 6) !== String(year % 100).padStart(2, '0')
		) {
			return 'cccd.birth_year';
		}
	}
	if (sex && digit % 2 !== (sex === 'female' ? 1 : 0)) return 'cccd.sex';
	return null;
}

/** Takes what was typed (spaces, dots) down to the digits. */
export function normalizeCitizenId(input: string): string {
	return input.replace(/[\s.-]/g, '');
}
