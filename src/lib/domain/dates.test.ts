import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, checkBirthDate, formatDate, parseTypedDate } from './dates';

const TODAY = new Date(2026, 10, 28);

describe('parseTypedDate', () => {
	it('reads day/month/year as typed', () => {
		expect(parseTypedDate('12/3/1958', TODAY)).toEqual({ ok: true, value: '1958-03-12' });
		expect(parseTypedDate('01-12-2001', TODAY)).toEqual({ ok: true, value: '2001-12-01' });
		expect(parseTypedDate(' 5.6.1990 ', TODAY)).toEqual({ ok: true, value: '1990-06-05' });
	});
	it('keeps a year alone', () => {
		expect(parseTypedDate('1958', TODAY)).toEqual({ ok: true, value: '1958' });
	});
	it('accepts the stored ISO form', () => {
		expect(parseTypedDate('1958-03-12', TODAY)).toEqual({ ok: true, value: '1958-03-12' });
	});
	it('refuses days that do not exist', () => {
		expect(parseTypedDate('31/02/1990', TODAY)).toEqual({ ok: false, error: 'date.not_exist' });
		expect(parseTypedDate('29/2/2023', TODAY)).toEqual({ ok: false, error: 'date.not_exist' });
		expect(parseTypedDate('12/13/1990', TODAY)).toEqual({ ok: false, error: 'date.not_exist' });
	});
	it('accepts 29 February in a leap year', () => {
		expect(parseTypedDate('29/2/2024', TODAY)).toEqual({ ok: true, value: '2024-02-29' });
	});
	it('refuses the future and the very old', () => {
		expect(parseTypedDate('29/11/2026', TODAY)).toEqual({ ok: false, error: 'date.future' });
		expect(parseTypedDate('2027', TODAY)).toEqual({ ok: false, error: 'date.future' });
		expect(parseTypedDate('1899', TODAY)).toEqual({ ok: false, error: 'date.too_old' });
		expect(parseTypedDate('28/11/2026', TODAY).ok).toBe(true);
	});
	it('refuses what is not a date', () => {
		for (const text of ['', 'abc', '12/3', '12/3/58', '1958-3-12', '3/12/1958/1']) {
			expect(parseTypedDate(text, TODAY)).toEqual({ ok: false, error: 'date.format' });
		}
	});
});

describe('checkBirthDate', () => {
	it('accepts stored forms only', () => {
		expect(checkBirthDate('1958-03-12', TODAY)).toBeNull();
		expect(checkBirthDate('1958', TODAY)).toBeNull();
		expect(checkBirthDate('12/3/1958', TODAY)).toBe('date.format');
		expect(checkBirthDate('1990-02-31', TODAY)).toBe('date.not_exist');
	});
});

describe('formatDate', () => {
	it('shows dd/mm/yyyy', () => {
		expect(formatDate('1958-03-12')).toBe('12/03/1958');
		expect(formatDate('1958')).toBe('1958');
	});
});

describe('ageOn', () => {
	it('counts whole years', () => {
		expect(ageOn('1958-03-12', TODAY)).toBe(68);
		expect(ageOn('2012-11-29', TODAY)).toBe(13);
		expect(ageOn('2012-11-28', TODAY)).toBe(14);
		expect(ageOn('1958', TODAY)).toBe(68);
	});
});

describe('addMonths', () => {
	it('clamps to the end of a shorter month', () => {
		expect(addMonths(new Date(2026, 7, 31), 6)).toEqual(new Date(2027, 1, 28));
		expect(addMonths(new Date(2026, 0, 15), 3)).toEqual(new Date(2026, 3, 15));
	});
});
