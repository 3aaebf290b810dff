import { describe, expect, it } from 'vitest';
import { isRightAnswer, residentUsername } from './claim';
import type { HouseholdQr } from './qr-store';

const qr = { check_code: 'K7M2QX' } as HouseholdQr;

describe('the claim answer', () => {
	it("takes a four-digit answer as the head's year of birth", () => {
		expect(isRightAnswer('1958', qr, ['1958'])).toBe(true);
		expect(isRightAnswer(' 1958 ', qr, ['1960', '1958'])).toBe(true);
		expect(isRightAnswer('1959', qr, ['1958'])).toBe(false);
		// A household with no head recorded can still be claimed with the printed code.
		expect(isRightAnswer('1958', qr, [])).toBe(false);
	});

	it('takes anything else as the printed code, whatever the case and spacing', () => {
		expect(isRightAnswer('k7m 2qx', qr, [])).toBe(true);
		expect(isRightAnswer('K7M-2QX', qr, [])).toBe(true);
		expect(isRightAnswer('K7M2QY', qr, [])).toBe(false);
		expect(isRightAnswer('', qr, [])).toBe(false);
	});
});

describe('resident accounts', () => {
	it('are one per household and phone, and a valid username', () => {
		const a = residentUsername('household:1', 'phone-0001');
		expect(a).toBe(residentUsername('household:1', 'phone-0001'));
		expect(a).not.toBe(residentUsername('household:1', 'phone-0002'));
		expect(a).not.toBe(residentUsername('household:2', 'phone-0001'));
		expect(a).toMatch(/^r-[0-9a-f]{24}$/);
	});
});
