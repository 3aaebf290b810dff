// Dates as people type them: day first, any separator, and a year alone when the exact
// birthday is unknown (common for older residents). Stored as ISO text: `YYYY-MM-DD` or `YYYY`.

import type { MessageKey } from './messages';

/** `YYYY-MM-DD`, or `YYYY` when only the year is known. */
export type PartialDate = string;

export type DateParse = { ok: true; value: PartialDate } | { ok: false; error: MessageKey };

export const EARLIEST_BIRTH_YEAR = 1900;

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_ONLY = /^(\d{4})$/;

function pad(value: number): string {
	return String(value).padStart(2, '0');
}

export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The local calendar day of an instant, as `YYYY-MM-DD` (Vietnam has one time zone). */
export function isoDay(instant: Date): string {
	return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** Reads `12/3/1958`, `12-03-1958`, `12.3.1958`, `1958` or a stored ISO value. */
export function parseTypedDate(input: string, today: Date = new Date()): DateParse {
	const text = input.trim();
	let year: number;
	let month: number | undefined;
	let day: number | undefined;
	const iso = FULL_DATE.exec(text);
	const typed = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(text);
	const yearOnly = YEAR_ONLY.exec(text);
	if (iso) {
		[year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	} else if (typed) {
		[day, month, year] = [Number(typed[1]), Number(typed[2]), Number(typed[3])];
	} else if (yearOnly) {
		year = Number(yearOnly[1]);
	} else {
		return { ok: false, error: 'date.format' };
	}
	if (month !== undefined && day !== undefined) {
		if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
			return { ok: false, error: 'date.not_exist' };
		}
	}
	const value = month === undefined ? String(year) : `${year}-${pad(month)}-${pad(day ?? 1)}`;
	if (year < EARLIEST_BIRTH_YEAR) return { ok: false, error: 'date.too_old' };
	if (value > isoDay(today).slice(0, value.length)) return { ok: false, error: 'date.future' };
	return { ok: true, value };
}

/** Checks a stored value (`YYYY-MM-DD` or `YYYY`); null when it is a real, past date. */
export function checkBirthDate(value: string, today: Date = new Date()): MessageKey | null {
	if (!FULL_DATE.test(value) && !YEAR_ONLY.test(value)) return 'date.format';
	const parsed = parseTypedDate(value, today);
	return parsed.ok ? null : parsed.error;
}

/** `dd/mm/yyyy` for a full date or an ISO timestamp, `yyyy` for a year alone. */
export function formatDate(value: PartialDate): string {
	if (YEAR_ONLY.test(value)) return value;
	const day = value.length > 10 ? isoDay(new Date(value)) : value;
	const match = FULL_DATE.exec(day);
	if (!match) return value;
	return `${match[3]}/${match[2]}/${match[1]}`;
}

export function birthYear(value: PartialDate): number {
	return Number(value.slice(0, 4));
}

/**
 * Whole years of age on a day. With only a birth year known the age is counted from
 * 1 January, the convention of Vietnamese civil records.
 */
export function ageOn(birth: PartialDate, on: Date = new Date()): number {
	const [year, month = 1, day = 1] = birth.split('-').map(Number);
	let age = on.getFullYear() - year;
	if (on.getMonth() + 1 < month || (on.getMonth() + 1 === month && on.getDate() < day)) age -= 1;
	return age;
}

/** The same day some months later, clamped to the month's end (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(instant: Date, months: number): Date {
	const result = new Date(instant);
	const day = result.getDate();
	result.setDate(1);
	result.setMonth(result.getMonth() + months);
	result.setDate(Math.min(day, daysInMonth(result.getFullYear(), result.getMonth() + 1)));
	return result;
}
