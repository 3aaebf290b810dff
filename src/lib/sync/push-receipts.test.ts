import { describe, expect, it } from 'vitest';
import { PushReceipts } from './push-receipts';

const audit = {
	created_at: '2026-11-28T02:00:00.000Z',
	created_by: 'ctv-demo',
	updated_at: '2026-11-28T02:00:00.000Z',
	updated_by: 'ctv-demo',
	device_id: 'phone-0001'
};
const sentA = {
	_id: 'household:a',
	type: 'household',
	head_name: 'Lê Tám',
	audit,
	_deleted: false
};
const sentB = {
	_id: 'household:b',
	type: 'household',
	head_name: 'Võ Mai',
	audit,
	_deleted: false
};
const stamp = { by: 'ctv-demo', at: '2026-11-28T02:00:03.000Z', device_id: 'phone-0001' };

function written(...docs: object[]): string {
	return JSON.stringify({ docs });
}

function readUrl(ids: string[]): string {
	return `/db/ward_26956/_all_docs?include_docs=true&keys=${JSON.stringify(ids)}`;
}

describe('push receipts', () => {
	it("answers written rows as conflicts, so RxDB reads the server's copies", () => {
		const receipts = new PushReceipts();
		const answer = receipts.afterWrite(
			written(sentA, sentB, { _id: 'household:c', _rev: '2-c', _deleted: true }),
			JSON.stringify([
				{ id: 'household:a', ok: true, rev: '1-a' },
				{ id: 'household:b', error: 'conflict', reason: 'Document update conflict.' },
				{ id: 'household:c', ok: true, rev: '3-c' }
			])
		);
		expect(JSON.parse(answer)).toEqual([
			{ id: 'household:a', error: 'conflict', reason: 'receipt' },
			{ id: 'household:b', error: 'conflict', reason: 'Document update conflict.' },
			// A deletion has no copy to read back.
			{ id: 'household:c', ok: true, rev: '3-c' }
		]);
	});

	it('passes on the stored copy of the same edit at the revision written, and nothing else', () => {
		const receipts = new PushReceipts();
		receipts.afterWrite(
			written(sentA, sentB),
			JSON.stringify([
				{ id: 'household:a', ok: true, rev: '1-a' },
				{ id: 'household:b', ok: true, rev: '1-b' }
			])
		);
		const storedA = { ...sentA, _rev: '1-a', stamp };
		// Stored in another shape than was sent: left to the pull, never merged into a loop.
		const storedB = { ...sentB, head_name: 'Võ Thị Mai', _rev: '1-b', stamp };
		const read = receipts.afterRead(
			'GET',
			readUrl(['household:a', 'household:b']),
			JSON.stringify({
				rows: [
					{ id: 'household:a', key: 'household:a', value: { rev: '1-a' }, doc: storedA },
					{ id: 'household:b', key: 'household:b', value: { rev: '1-b' }, doc: storedB }
				]
			})
		);
		expect(JSON.parse(read).rows.map((row: { id: string }) => row.id)).toEqual(['household:a']);
	});

	it('leaves out a copy the server has moved on from, and leaves other reads alone', () => {
		const receipts = new PushReceipts();
		receipts.afterWrite(
			written(sentA),
			JSON.stringify([{ id: 'household:a', ok: true, rev: '1-a' }])
		);
		const pushCheck = JSON.stringify({ rows: [{ id: 'household:a', doc: sentA }] });
		expect(receipts.afterRead('POST', '/db/ward_26956/_all_docs?', pushCheck)).toBe(pushCheck);
		const newer = { ...sentA, head_name: 'Lê Văn Tám', _rev: '2-x', stamp };
		const read = receipts.afterRead(
			'GET',
			readUrl(['household:a']),
			JSON.stringify({ rows: [{ id: 'household:a', key: 'household:a', doc: newer }] })
		);
		expect(JSON.parse(read).rows).toEqual([]);
		// A conflict the server found is read whole.
		const genuine = JSON.stringify({
			rows: [{ id: 'household:a', key: 'household:a', doc: newer }]
		});
		expect(receipts.afterRead('GET', readUrl(['household:a']), genuine)).toBe(genuine);
	});
});
