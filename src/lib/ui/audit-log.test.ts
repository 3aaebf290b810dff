import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '$lib/domain';
import { UI } from '$lib/i18n/dictionary';
import { actionKey, loadAuditPage, shortId } from './audit-log';

describe('the audit trail screen', () => {
	it('has words for every action the server records', () => {
		for (const action of AUDIT_ACTIONS) expect(UI[actionKey({ action })]).toBeDefined();
	});

	it('shortens a record id to its type and the start of its uuid', () => {
		expect(shortId('household:4b3edce1-1950-4c60-8646-22aa11ae8f5a')).toBe('household:4b3edce1');
		expect(shortId('26956-01')).toBe('26956-01');
	});

	it('asks for the next page before the last entry seen', async () => {
		const asked: string[] = [];
		const fetcher = ((url: string) => {
			asked.push(url);
			return Promise.resolve(
				new Response(JSON.stringify({ unit: '26956', entries: [], next: null }))
			);
		}) as typeof fetch;
		const answer = await loadAuditPage('audit:26956:2026-12-01T08:00:00.000Z:ab12cd34', fetcher);
		expect(answer.ok).toBe(true);
		expect(asked).toEqual([
			'/api/audit?limit=50&before=audit%3A26956%3A2026-12-01T08%3A00%3A00.000Z%3Aab12cd34'
		]);
	});
});
