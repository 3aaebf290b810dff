import { describe, expect, it } from 'vitest';
import { cadenceReminder, dialable, sheetSteps, spacedCheckCode } from './sheet-steps';

const PLACEHOLDER = /\{\w+\}/;

describe('the steps printed on a sheet', () => {
	it('tells the four steps in order, each in Vietnamese with its English', () => {
		const steps = sheetSteps(6);
		expect(steps.map((step) => step.icon)).toEqual(['camera', 'tap', 'keypad', 'family']);
		expect(steps[0].text.vi).toBe('Mở camera của điện thoại, hướng vào mã QR.');
		expect(steps[0].text.en).toBe("Open the phone's camera and point it at the QR code.");
		for (const { text } of steps) {
			expect(text.vi).not.toBe(text.en);
			expect(text.vi).not.toMatch(PLACEHOLDER);
			expect(text.en).not.toMatch(PLACEHOLDER);
		}
	});

	it('names the year of birth and the six-character code as the two answers', () => {
		const answer = sheetSteps(6)[2].text;
		expect(answer.vi).toContain('năm sinh của chủ hộ');
		expect(answer.vi).toContain('mã 6 ký tự');
		expect(answer.en).toContain('6-character code');
	});

	it("says how often to update with the ward's own cadence", () => {
		expect(sheetSteps(6)[3].text.vi).toContain('cập nhật mỗi 6 tháng');
		expect(sheetSteps(12)[3].text.en).toContain('update every 12 months');
	});

	it('adds the three-month rule for chronic conditions and pregnancy when it is shorter', () => {
		expect(cadenceReminder(6)).toEqual({
			vi: 'Nhắc lịch: cập nhật mỗi 6 tháng; 3 tháng với người có bệnh mạn tính hoặc đang mang thai.',
			en: 'Reminder: update every 6 months; every 3 months for people with a chronic condition or a pregnancy.'
		});
		expect(cadenceReminder(3)).toEqual({
			vi: 'Nhắc lịch: cập nhật mỗi 3 tháng.',
			en: 'Reminder: update every 3 months.'
		});
	});
});

describe('what a sheet prints beside the steps', () => {
	it('prints the check code in two groups of three, which typing without spaces still matches', () => {
		expect(spacedCheckCode('AB2C3D')).toBe('AB2 C3D');
		expect(spacedCheckCode('AB2C3D').replace(/\s/g, '')).toBe('AB2C3D');
		expect(spacedCheckCode('ODD')).toBe('ODD');
	});

	it('dials the hotline as printed, spaces and dots left out', () => {
		expect(dialable('1900 0000')).toBe('19000000');
		expect(dialable('028.3899 1234')).toBe('02838991234');
		expect(dialable('+84 28 3899 1234')).toBe('+842838991234');
	});
});
