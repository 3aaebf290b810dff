import { describe, expect, it } from 'vitest';
import { centurySexDigit, checkCitizenId, normalizeCitizenId } from './cccd';

describe('centurySexDigit', () => {
	it('follows the century and sex table', () => {
		expect(centurySexDigit(1958, 'male')).toBe(0);
		expect(centurySexDigit(1958, 'female')).toBe(1);
		expect(centurySexDigit(2005, 'male')).toBe(2);
		expect(centurySexDigit(2005, 'female')).toBe(3);
	});
});

describe('checkCitizenId', () => {
	it('accepts an id consistent with birth year and sex', () => {
		expect(checkCitizenId('079058001234', '1958-03-12', 'male')).toBeNull();
		expect(checkCitizenId('079158001234', '1958', 'female')).toBeNull();
		expect(checkCitizenId('001305012345', '2005-01-01', 'female')).toBeNull();
	});
	it('accepts an id alone when nothing else is known', () => {
		expect(checkCitizenId('079058001234')).toBeNull();
	});
	it('refuses a wrong length or letters', () => {
		expect(checkCitizenId('07905800123')).toBe('cccd.format');
		expect(checkCitizenId('0790580012345')).toBe('cccd.format');
		expect(checkCitizenId('07905800123A')).toBe('cccd.format');
	});
	it('refuses an unknown province code', () => {
		expect(checkCitizenId('003058001234')).toBe('cccd.province');
		expect(checkCitizenId('099058001234')).toBe('cccd.province');
	});
	it('refuses a birth year that does not match', () => {
		expect(checkCitizenId('079058001234', '1959-01-01', 'male')).toBe('cccd.birth_year');
		expect(checkCitizenId('079258001234', '1958', 'male')).toBe('cccd.birth_year');
	});
	it('refuses a sex that does not match', () => {
		expect(checkCitizenId('079058001234', '1958', 'female')).toBe('cccd.sex');
		expect(checkCitizenId('079158001234', undefined, 'male')).toBe('cccd.sex');
	});
});

describe('normalizeCitizenId', () => {
	it('drops spaces and dots', () => {
		expect(normalizeCitizenId('079 058 001 234')).toBe('079058001234');
		expect(normalizeCitizenId('079.058.001.234')).toBe('079058001234');
	});
});
