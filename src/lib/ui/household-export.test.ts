import { describe, expect, it } from 'vitest';
import { exportFileName, householdExport, sendErasureRequest } from './household-export';
import { aDeclaration, aHousehold, aPerson } from './records.test-support';

describe("a household's copy of its data", () => {
	const household = aHousehold();
	const older = aPerson(household, { full_name: 'Trần Văn Bảo' });
	const head = aPerson(household, { full_name: 'Nguyễn Văn Hùng', relation: 'head' });

	it('holds the records’ own fields, members by name and declarations newest first', () => {
		const first = aDeclaration(head, {
			declared_at: '2026-01-02T08:00:00+07:00'
		});
		const second = aDeclaration(older, {
			declared_at: '2026-03-02T08:00:00+07:00'
		});
		const withMeta = { ...household, _rev: '3-abc', _meta: { lwt: 1 } } as typeof household;
		const copy = householdExport(
			{ household: withMeta, persons: [older, head], declarations: [first, second] },
			new Date('2026-12-01T20:00:00Z')
		);
		expect(copy.format).toBe('hssk-household-export');
		expect(copy.household).toEqual(household);
		expect(Object.keys(copy.household).some((key) => key.startsWith('_'))).toBe(false);
		expect(copy.members.map((person) => person.full_name)).toEqual([
			'Nguyễn Văn Hùng',
			'Trần Văn Bảo'
		]);
		expect(copy.declarations.map((declaration) => declaration.id)).toEqual([second.id, first.id]);
		expect(copy.exported_at).toBe('2026-12-01T20:00:00.000Z');
	});

	it('names the file by the household and the Vietnamese calendar day', () => {
		// 20:00 UTC is already the next day in Vietnam.
		expect(exportFileName(household.id, new Date('2026-12-01T20:00:00Z'))).toBe(
			`hssk-ho-${household.id.slice(10, 18)}-2026-12-02.json`
		);
	});

	it('sends the erasure request with no household in the body: the session says which', async () => {
		let sent: { url: string; body: unknown } | null = null;
		const fetcher: typeof fetch = async (input, init) => {
			sent = { url: String(input), body: JSON.parse(String(init?.body)) };
			return new Response(JSON.stringify({ state: 'open', requested_at: '2026-12-01T01:00:00Z' }), {
				status: 201
			});
		};
		const answer = await sendErasureRequest(fetcher);
		expect(answer).toEqual({
			ok: true,
			value: { state: 'open', requested_at: '2026-12-01T01:00:00Z' }
		});
		expect(sent).toEqual({ url: '/api/erasure/request', body: {} });
	});
});
