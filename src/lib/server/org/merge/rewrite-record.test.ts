import { describe, expect, it } from 'vitest';
import { rewriteRecord, type SourceDoc } from './rewrite-record';

const CODES = new Map([
	['26956', '26999'],
	['26956-01', '26999-03']
]);

function source(fields: Record<string, unknown>): SourceDoc {
	return {
		_id: 'household:0f8c1c7e-1b2a-4c3d-9e8f-001122334455',
		_rev: '2-7444d23df522e6379df8fb3533433a3e',
		_revisions: {
			start: 2,
			ids: ['7444d23df522e6379df8fb3533433a3e', '4365ec1550ac67cff5c471d5be434c8e']
		},
		...fields
	};
}

describe('rewriting a record for the new ward', () => {
	it('rewrites ward and group, keeps the id and continues the revision history', () => {
		const result = rewriteRecord(
			source({ type: 'household', ward: '26956', group: '26956-01', head_name: 'Lê Văn A' }),
			'26999',
			CODES
		);
		expect(result.kind).toBe('copy');
		if (result.kind !== 'copy') return;
		const { doc } = result;
		expect(doc).toMatchObject({
			_id: 'household:0f8c1c7e-1b2a-4c3d-9e8f-001122334455',
			ward: '26999',
			group: '26999-03',
			head_name: 'Lê Văn A'
		});
		expect(doc._rev).toMatch(/^3-[0-9a-f]{32}$/);
		expect(doc._revisions.start).toBe(3);
		expect(doc._revisions.ids.slice(1)).toEqual([
			'7444d23df522e6379df8fb3533433a3e',
			'4365ec1550ac67cff5c471d5be434c8e'
		]);
		expect(doc._revisions.ids[0]).toBe(doc._rev.slice(2));
	});

	it('makes the same revision every time, and another for another source revision', () => {
		const one = rewriteRecord(source({ ward: '26956', group: '26956-01' }), '26999', CODES);
		const two = rewriteRecord(source({ ward: '26956', group: '26956-01' }), '26999', CODES);
		const later = rewriteRecord(
			source({ ward: '26956', group: '26956-01', _rev: '3-aaaa' }),
			'26999',
			CODES
		);
		if (one.kind !== 'copy' || two.kind !== 'copy' || later.kind !== 'copy') throw new Error();
		expect(one.doc._rev).toBe(two.doc._rev);
		expect(later.doc._rev).not.toBe(one.doc._rev);
	});

	it('rewrites a device status (a ward, no group) and a tombstone that names its place', () => {
		const status = rewriteRecord(
			source({ _id: 'device_status:d-1:ctv', type: 'device_status', ward: '26956' }),
			'26999',
			CODES
		);
		expect(status.kind === 'copy' && status.doc.ward).toBe('26999');
		const tombstone = rewriteRecord(
			source({ _deleted: true, type: 'person', ward: '26956', group: '26956-01' }),
			'26999',
			CODES
		);
		expect(tombstone.kind === 'copy' && tombstone.doc).toMatchObject({
			_deleted: true,
			group: '26999-03'
		});
	});

	it('leaves out a tombstone that names no place, and stops at a group it cannot map', () => {
		expect(rewriteRecord(source({ _deleted: true }), '26999', CODES).kind).toBe('bare_tombstone');
		expect(rewriteRecord(source({ ward: '26956', group: '26956-09' }), '26999', CODES)).toEqual({
			kind: 'unmapped_group',
			group: '26956-09'
		});
	});
});
