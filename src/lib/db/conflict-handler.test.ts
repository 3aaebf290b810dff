import type { WithDeleted } from 'rxdb';
import { describe, expect, it } from 'vitest';
import type { Household } from '$lib/domain';
import { createConflictHandler, type ConflictReport } from './conflict-handler';

const household: WithDeleted<Household> = {
	id: 'household:6a3c1f0e-8a4b-4c39-9a55-0d7b6c1e2f10',
	type: 'household',
	ward: '26956',
	group: '26956-01',
	address: { house_number: '12/3A', street: 'Bình Quới' },
	head_name: 'Nguyễn Văn Tám',
	audit: {
		created_at: '2026-11-28T09:00:00+07:00',
		created_by: 'ctv-demo',
		updated_at: '2026-11-28T09:00:00+07:00',
		updated_by: 'ctv-demo',
		device_id: 'device-0001'
	},
	_deleted: false
};
const stamped = {
	...household,
	stamp: { by: 'ctv-demo', at: '2026-11-28T02:00:01.000Z', device_id: 'device-0001' }
};
const restamped = { ...stamped, stamp: { ...stamped.stamp, at: '2026-11-28T02:00:09.000Z' } };
const edited = { ...household, head_name: 'Lê Văn Tám' };

function handler(collection: 'households' | 'declarations' | 'device_statuses' = 'households') {
	const reports: ConflictReport[] = [];
	return { reports, handler: createConflictHandler<Household>(collection, (r) => reports.push(r)) };
}

describe('conflict handler', () => {
	it('ignores the stamp when it compares the server copy with the one an edit was based on', () => {
		const { handler: h } = handler();
		expect(h.isEqual(stamped, household, 'couchdb-push-1')).toBe(true);
		expect(h.isEqual(stamped, restamped, 'couchdb-push-1')).toBe(true);
		expect(h.isEqual(edited, household, 'couchdb-push-1')).toBe(false);
	});

	it('counts the stamp when it compares a pulled copy with the device copy', () => {
		const { handler: h } = handler();
		expect(h.isEqual(stamped, household, 'downstream-check-if-equal-1')).toBe(false);
		expect(h.isEqual(stamped, { ...stamped }, 'downstream-check-if-equal-1')).toBe(true);
		expect(h.isEqual(household, stamped, 'upstream-check-if-equal')).toBe(false);
	});

	it('keeps the server copy of a retried push without calling it a conflict', async () => {
		const { handler: h, reports } = handler();
		const input = { newDocumentState: household, realMasterState: stamped };
		expect(await h.resolve(input, 'test')).toBe(stamped);
		expect(reports).toEqual([]);
	});

	it('merges a household edited on both sides, field by field, with no stamp until sent', async () => {
		const { handler: h, reports } = handler();
		const phoneEdit = {
			...restamped,
			phone: '0901234567',
			edits: [
				{
					field: 'phone' as const,
					n: 1,
					device_id: 'device-0002',
					by: 'ward-demo',
					at: '2026-11-28T09:10:00+07:00'
				}
			]
		};
		const headEdit = {
			...edited,
			edits: [
				{
					field: 'head_name' as const,
					n: 1,
					device_id: 'device-0001',
					by: 'ctv-demo',
					at: '2026-11-28T09:20:00+07:00'
				}
			]
		};
		const input = {
			newDocumentState: headEdit,
			realMasterState: phoneEdit,
			assumedMasterState: stamped
		};
		const merged = await h.resolve(input, 'test');
		expect(merged).toMatchObject({ head_name: 'Lê Văn Tám', phone: '0901234567' });
		expect(merged.stamp).toBeUndefined();
		expect(merged.clashes).toBeUndefined();
		expect(reports).toEqual([]);
	});

	it('lets a deletion win over an edit, whichever side deleted, and reports the edit', async () => {
		const { handler: h, reports } = handler();
		const tombstone = { ...restamped, _deleted: true };
		const fromServer = { newDocumentState: edited, realMasterState: tombstone };
		expect(await h.resolve({ ...fromServer, assumedMasterState: stamped }, 'test')).toBe(tombstone);
		const deletedHere = { ...household, _deleted: true };
		const serverEdit = { ...restamped, head_name: 'Trần Văn Ba' };
		const fromDevice = { newDocumentState: deletedHere, realMasterState: serverEdit };
		expect(await h.resolve({ ...fromDevice, assumedMasterState: stamped }, 'test')).toBe(
			deletedHere
		);
		expect(reports).toEqual([
			{ collection: 'households', id: household.id, kept: 'server', dropped: edited, clashes: [] },
			{
				collection: 'households',
				id: household.id,
				kept: 'device',
				dropped: serverEdit,
				clashes: []
			}
		]);
	});

	it('keeps the server copy of a declaration and reports the device copy', async () => {
		const { handler: h, reports } = handler('declarations');
		const input = { newDocumentState: edited, realMasterState: restamped };
		expect(await h.resolve(input, 'test')).toBe(restamped);
		expect(reports).toEqual([
			{ collection: 'declarations', id: household.id, kept: 'server', dropped: edited, clashes: [] }
		]);
	});

	it('keeps the device report of its own status', async () => {
		const { handler: h, reports } = handler('device_statuses');
		const input = { newDocumentState: edited, realMasterState: restamped };
		expect(await h.resolve(input, 'test')).toBe(edited);
		expect(reports).toEqual([]);
	});
});
