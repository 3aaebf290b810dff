import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n/translate';
import { formatDateTime, summarizeSync, type SyncView } from './sync-summary';

const idle: SyncView = {
	online: true,
	pushing: false,
	pulling: false,
	waiting: 0,
	oldestWaitingAt: null,
	lastSuccessAt: '2026-06-20T09:05:00+07:00',
	lastError: null
};
const say = (
	phrase: { key: Parameters<typeof translate>[0]; params?: Record<string, string | number> },
	language: 'vi' | 'en' = 'vi'
) => translate(phrase.key, language, phrase.params);

describe('sync indicator wording', () => {
	it('counts what waits to be sent, in both languages', () => {
		const summary = summarizeSync({ ...idle, online: false, waiting: 3 });
		expect(say(summary.connection)).toBe('Mất mạng');
		expect(say(summary.state)).toBe('3 chưa gửi');
		expect(say(summary.state, 'en')).toBe('3 not sent');
		expect(summary.hasWaiting).toBe(true);
	});

	it('says how long the oldest unsent record has waited, "3 chưa gửi · lâu nhất 2 giờ"', () => {
		const view = { ...idle, waiting: 3, oldestWaitingAt: '2026-06-20T07:30:00+07:00' };
		const summary = summarizeSync(view, new Date('2026-06-20T09:40:00+07:00'));
		expect(`${say(summary.state)} · ${say(summary.age!)}`).toBe('3 chưa gửi · lâu nhất 2 giờ');
		expect(say(summary.age!, 'en')).toBe('oldest 2 hours');
		expect(summarizeSync({ ...view, waiting: 0 }).age).toBeNull();
		expect(summarizeSync({ ...view, oldestWaitingAt: null }).age).toBeNull();
	});

	it('says "Đã đồng bộ" when nothing waits and a sync has succeeded', () => {
		const summary = summarizeSync(idle);
		expect(say(summary.connection)).toBe('Có mạng');
		expect(say(summary.state)).toBe('Đã đồng bộ');
		expect(say(summary.last)).toBe(`Lần đồng bộ cuối: ${formatDateTime(idle.lastSuccessAt!)}`);
	});

	it('says when it last reached the server, or that it never has', () => {
		expect(say(summarizeSync({ ...idle, lastSuccessAt: null }).last)).toBe('Chưa đồng bộ lần nào');
		expect(say(summarizeSync({ ...idle, lastSuccessAt: null }).state)).toBe('Đã đồng bộ');
	});

	it('shows sending as activity, not as words that change every few seconds', () => {
		const summary = summarizeSync({ ...idle, pushing: true, waiting: 2 });
		expect(summary.isActive).toBe(true);
		expect(say(summary.state)).toBe('2 chưa gửi');
		expect(summarizeSync({ ...idle, online: false, pulling: true }).isActive).toBe(false);
	});

	it('shows the last error until a later sync succeeds', () => {
		const failure = {
			key: 'sync.signed_out' as const,
			detail: 'HTTP 401',
			at: '2026-06-20T09:10:00+07:00'
		};
		expect(summarizeSync({ ...idle, lastError: failure }).error).toBe('sync.signed_out');
		expect(summarizeSync({ ...idle, lastSuccessAt: null, lastError: failure }).error).toBe(
			'sync.signed_out'
		);
		const recovered = { ...idle, lastSuccessAt: '2026-06-20T09:11:00+07:00', lastError: failure };
		expect(summarizeSync(recovered).error).toBeNull();
		expect(summarizeSync(idle).error).toBeNull();
	});

	it('writes times as HH:mm dd/mm/yyyy', () => {
		expect(formatDateTime('2026-06-20T09:05:00+07:00')).toMatch(/^\d{2}:\d{2} \d{2}\/06\/2026$/);
	});
});
