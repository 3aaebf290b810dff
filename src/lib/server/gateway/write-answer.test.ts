import { describe, expect, it } from 'vitest';
import { bilingual } from '$lib/domain';
import { answerRows } from './write-answer';
import type { WriteDecision } from './write-rules';

function accepted(id: string): WriteDecision {
	return { ok: true, id, doc: { _id: id } };
}

describe("the gateway's _bulk_docs answer", () => {
	it("pairs CouchDB's rows by id when they come back out of order", () => {
		const decisions = [
			accepted('household:a'),
			{ ok: false, id: 'household:b', reason: 'group: not yours' } as const,
			accepted('household:c'),
			accepted('household:d')
		];
		// As PouchDB Server on disk answered: the conflict is c's, whatever its position.
		const rows = answerRows(decisions, [
			{ id: 'household:c', error: 'conflict', reason: 'Document update conflict.' },
			{ id: 'household:d', ok: true, rev: '1-d' },
			{ id: 'household:a', ok: true, rev: '1-a' }
		]);
		expect(rows).toEqual([
			{ ok: true, id: 'household:a', rev: '1-a' },
			{ id: 'household:b', error: 'forbidden', reason: 'group: not yours' },
			{
				id: 'household:c',
				rev: undefined,
				error: 'conflict',
				reason: bilingual('gateway.conflict')
			},
			{ ok: true, id: 'household:d', rev: '1-d' }
		]);
	});

	it('gives a replicated write answered with its errors only no row for the others', () => {
		const rows = answerRows(
			[accepted('person:a'), accepted('person:b')],
			[{ id: 'person:b', error: 'forbidden', reason: 'validate_doc_update' }]
		);
		expect(rows).toEqual([
			{
				id: 'person:b',
				rev: undefined,
				error: 'forbidden',
				reason: `${bilingual('gateway.bad_request')} (validate_doc_update)`
			}
		]);
	});

	it('answers the same id sent twice with its rows in turn', () => {
		const rows = answerRows(
			[accepted('person:a'), accepted('person:a')],
			[
				{ id: 'person:a', ok: true, rev: '1-x' },
				{ id: 'person:a', error: 'conflict', reason: 'Document update conflict.' }
			]
		);
		expect(rows.map((row) => ('ok' in row ? row.rev : row.error))).toEqual(['1-x', 'conflict']);
	});
});
