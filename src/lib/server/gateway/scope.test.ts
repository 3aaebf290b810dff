import { describe, expect, it } from 'vitest';
import { canRead, placementOfBody, writeProblem, type Scope } from './scope';

const collaborator: Scope = {
	user: 'ctv-demo',
	database: 'ward_26956',
	ward: '26956',
	groups: new Set(['26956-01']),
	isReadOnly: false,
	readsAllDeviceStatuses: false
};
const wardStaff: Scope = {
	...collaborator,
	user: 'ward-demo',
	groups: 'ward',
	readsAllDeviceStatuses: true
};
const supervisor: Scope = { ...wardStaff, user: 'city-demo', isReadOnly: true };

const household = (group: string, ward = '26956') =>
	placementOfBody('household:x', { ward, group });
const deviceStatus = (user: string) =>
	placementOfBody('device_status:phone-1234', { ward: '26956', user });

describe('canRead', () => {
	it("shows a collaborator their groups' records only", () => {
		expect(canRead(collaborator, household('26956-01'))).toBe(true);
		expect(canRead(collaborator, household('26956-02'))).toBe(false);
	});

	it('shows ward staff and supervisors the whole ward, never another ward', () => {
		expect(canRead(wardStaff, household('26956-07'))).toBe(true);
		expect(canRead(supervisor, household('26956-07'))).toBe(true);
		expect(canRead(wardStaff, household('26944-01', '26944'))).toBe(false);
	});

	it('shows device statuses to their user, and to ward staff all of them', () => {
		expect(canRead(collaborator, deviceStatus('ctv-demo'))).toBe(true);
		expect(canRead(collaborator, deviceStatus('ctv-demo-2'))).toBe(false);
		expect(canRead(wardStaff, deviceStatus('ctv-demo-2'))).toBe(true);
	});

	it('shows nothing that is not placed, such as a bare tombstone or an unknown type', () => {
		expect(canRead(wardStaff, placementOfBody('household:x', { _deleted: true }))).toBe(false);
		expect(
			canRead(wardStaff, placementOfBody('note:x', { ward: '26956', group: '26956-01' }))
		).toBe(false);
	});
});

describe('writeProblem', () => {
	it('names the field that takes a record out of scope', () => {
		expect(writeProblem(collaborator, household('26956-01')!)).toBeNull();
		expect(writeProblem(collaborator, household('26956-02')!)).toEqual({
			path: 'group',
			key: 'gateway.scope'
		});
		expect(writeProblem(collaborator, household('26944-01', '26944')!)).toEqual({
			path: 'ward',
			key: 'gateway.ward_mismatch'
		});
	});

	it('lets no one write another user’s device status, not even ward staff', () => {
		expect(writeProblem(wardStaff, deviceStatus('ctv-demo')!)).toEqual({
			path: 'user',
			key: 'device_status.owner'
		});
		expect(writeProblem(collaborator, deviceStatus('ctv-demo')!)).toBeNull();
	});

	it('keeps supervisors read-only', () => {
		expect(writeProblem(supervisor, household('26956-01')!)?.key).toBe('gateway.read_only');
	});
});
