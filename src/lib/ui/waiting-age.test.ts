import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import { waitingAge } from './waiting-age';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const before = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function say(oldestAt: string, language: 'vi' | 'en' = 'vi'): string | null {
	const phrase = waitingAge(oldestAt, NOW);
	return phrase && translate(phrase.key, language, phrase.params);
}

describe('how long the oldest unsent record has waited', () => {
	it('says "just saved" under a minute, and for a time ahead of the clock', () => {
		expect(say(before(59_999))).toBe('vừa lưu');
		expect(say(before(-5 * MINUTE), 'en')).toBe('just saved');
	});

	it('counts whole minutes, then hours, then days, in both languages', () => {
		expect(say(before(MINUTE))).toBe('lâu nhất 1 phút');
		expect(say(before(MINUTE), 'en')).toBe('oldest 1 minute');
		expect(say(before(59 * MINUTE + 59_000), 'en')).toBe('oldest 59 minutes');
		expect(say(before(HOUR))).toBe('lâu nhất 1 giờ');
		expect(say(before(2 * HOUR + 59 * MINUTE))).toBe('lâu nhất 2 giờ');
		expect(say(before(2 * HOUR), 'en')).toBe('oldest 2 hours');
		expect(say(before(DAY - 1), 'en')).toBe('oldest 23 hours');
		expect(say(before(DAY), 'en')).toBe('oldest 1 day');
		expect(say(before(8 * DAY + 3 * HOUR))).toBe('lâu nhất 8 ngày');
	});

	it('says nothing for a time it cannot read', () => {
		expect(waitingAge('yesterday', NOW)).toBeNull();
	});
});
