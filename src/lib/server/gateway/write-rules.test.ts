import { describe, expect, it } from 'vitest';
import { decideWrite, type CurrentState } from './write-rules';
import type { CouchDoc } from './placement';
import type { Scope } from './scope';

const scope: Scope = {
	user: 'ctv-demo',
	deviceId: 'phone-0001',
	database: 'ward_26956',
	ward: '26956',
	groups: new Set(['26956-01']),
	isReadOnly: false,
	readsAllDeviceStatuses: false
};
const now = new Date('2026-11-28T03:00:00.000Z');
const normal = { isNewEdits: true, now };
const replicated = { isNewEdits: false, now };

const HOUSEHOLD_ID = 'household:0f8c1c7e-1b2a-4c3d-9e8f-001122334455';
const PERSON_ID = 'person:1f8c1c7e-1b2a-4c3d-9e8f-001122334455';
const DECLARATION_ID = 'declaration:2f8c1c7e-1b2a-4c3d-9e8f-001122334455';

const audit = {
	created_at: '2026-11-28T02:00:00.000Z',
	created_by: 'ctv-demo',
	updated_at: '2026-11-28T02:00:00.000Z',
	updated_by: 'ctv-demo',
	device_id: 'phone-0001'
};

function household(group = '26956-01') {
	return {
		_id: HOUSEHOLD_ID,
		type: 'household',
		ward: '26956',
		group,
		address: { house_number: ' 12 ', street: 'Hẻm 3' },
		head_name: 'Trần Thị Bé',
		audit
	};
}

const oralConsent = {
	text_version: 0,
	given_at: '2026-11-28T02:00:00.000Z',
	given_by: PERSON_ID,
	mode: 'oral',
	recorded_by: 'ctv-demo',
	device_id: 'phone-0001'
};

function declaration(health: Record<string, unknown> = { systolic: 120, diastolic: 80 }) {
	return {
		_id: DECLARATION_ID,
		type: 'declaration',
		ward: '26956',
		group: '26956-01',
		person: PERSON_ID,
		household: HOUSEHOLD_ID,
		declared_at: '2026-11-28T02:00:00.000Z',
		declared_by: 'ctv-demo',
		role: 'collaborator',
		channel: 'door_to_door',
		health,
		consent: oralConsent,
		audit
	};
}

const placedIn = (group: string): CurrentState => ({
	rev: '1-abc',
	isDeleted: false,
	placement: { type: 'household', ward: '26956', group }
});

describe('decideWrite: validation', () => {
	it('stores a valid normal edit as validated, with the server stamp in place of the device one', () => {
		const decision = decideWrite(
			scope,
			{ ...household(), stamp: { by: 'forged', at: '2000-01-01T00:00:00Z' }, extra: 'dropped' },
			null,
			normal
		);
		expect(decision.ok).toBe(true);
		if (!decision.ok) return;
		expect(decision.doc.stamp).toEqual({
			by: 'ctv-demo',
			at: '2026-11-28T03:00:00.000Z',
			device_id: 'phone-0001'
		});
		expect(decision.doc._id).toBe(HOUSEHOLD_ID);
		expect((decision.doc.address as { house_number: string }).house_number).toBe('12');
		expect('extra' in decision.doc).toBe(false);
		expect('id' in decision.doc).toBe(false);
	});

	it('reads RxDB-style `_id` and domain-style `id` alike, and refuses two that differ', () => {
		const { _id, ...fields } = household();
		expect(decideWrite(scope, { ...fields, id: _id }, null, normal).ok).toBe(true);
		expect(
			decideWrite(scope, { ...fields, id: _id, _id: 'household:other' }, null, normal)
		).toMatchObject({
			ok: false,
			reason: expect.stringContaining('_id')
		});
	});

	it('refuses an implausible measure with the field named in both languages', () => {
		const decision = decideWrite(
			scope,
			declaration({ systolic: 999, diastolic: 80 }),
			null,
			normal
		);
		expect(decision).toMatchObject({ ok: false, id: DECLARATION_ID });
		if (decision.ok) return;
		expect(decision.reason).toContain('health.systolic');
		expect(decision.reason).toContain('Huyết áp tâm thu');
		expect(decision.reason).toContain('Systolic pressure');
	});

	it('refuses unknown types, design documents and attachments', () => {
		expect(decideWrite(scope, { _id: 'note:1' }, null, normal)).toMatchObject({ ok: false });
		expect(decideWrite(scope, { _id: '_design/x', views: {} }, null, normal)).toMatchObject({
			ok: false,
			reason: expect.stringContaining('cổng đồng bộ')
		});
		const withFile = { ...household(), _attachments: { 'a.txt': { data: 'eA==' } } };
		expect(decideWrite(scope, withFile, null, normal)).toMatchObject({ ok: false });
	});
});

describe('decideWrite: scope', () => {
	it('refuses a record placed outside the groups, and a move out of or into them', () => {
		expect(decideWrite(scope, household('26956-02'), null, normal)).toMatchObject({
			ok: false,
			reason: expect.stringContaining('group')
		});
		const moveOut = { ...household('26956-02'), _rev: '1-abc' };
		expect(decideWrite(scope, moveOut, placedIn('26956-01'), normal).ok).toBe(false);
		const moveIn = { ...household('26956-01'), _rev: '1-abc' };
		expect(decideWrite(scope, moveIn, placedIn('26956-02'), normal).ok).toBe(false);
		expect(decideWrite(scope, moveIn, placedIn('26956-01'), normal).ok).toBe(true);
	});

	it('refuses to overwrite a record whose current place is unknown', () => {
		const current: CurrentState = { rev: '1-abc', isDeleted: false, placement: null };
		expect(decideWrite(scope, { ...household(), _rev: '1-abc' }, current, normal).ok).toBe(false);
	});

	it('keeps supervisors from writing anything', () => {
		const decision = decideWrite({ ...scope, isReadOnly: true }, household(), null, normal);
		expect(decision).toMatchObject({ ok: false, reason: expect.stringContaining('chỉ được xem') });
	});
});

describe('decideWrite: declarations are append-only', () => {
	it('accepts a new declaration and refuses any update or deletion of a sent one', () => {
		expect(decideWrite(scope, declaration(), null, normal).ok).toBe(true);
		const sent: CurrentState = {
			rev: '1-abc',
			isDeleted: false,
			placement: { type: 'declaration', ward: '26956', group: '26956-01' }
		};
		for (const attempt of [
			{ ...declaration(), _rev: '1-abc' },
			{ ...declaration(), _rev: '1-abc', _deleted: true },
			declaration()
		]) {
			expect(decideWrite(scope, attempt, sent, normal)).toMatchObject({
				ok: false,
				reason: expect.stringContaining('tờ khai đính chính')
			});
		}
	});

	it('answers the same declaration sent again as a conflict, and anything else as refused', () => {
		const first = decideWrite(scope, declaration(), null, normal);
		if (!first.ok) throw new Error('refused');
		// What CouchDB holds: the stored body, its stamp and revision, keys in its own order.
		const { _id, ...body } = first.doc;
		const stored: CurrentState = {
			rev: '1-abc',
			isDeleted: false,
			placement: { type: 'declaration', ward: '26956', group: '26956-01' },
			doc: {
				stamp: body.stamp,
				...Object.fromEntries(Object.entries(body).reverse()),
				_id,
				_rev: '1-abc'
			}
		};
		const again = decideWrite(
			scope,
			{ ...declaration(), stamp: { by: 'someone', at: now.toISOString() } },
			stored,
			normal
		);
		expect(again).toMatchObject({
			ok: false,
			error: 'conflict',
			reason: expect.stringContaining('đã có trên máy chủ')
		});

		const changed = decideWrite(
			scope,
			declaration({ systolic: 150, diastolic: 80 }),
			stored,
			normal
		);
		expect(changed).toMatchObject({
			ok: false,
			reason: expect.stringContaining('tờ khai đính chính')
		});
		expect(changed).not.toHaveProperty('error');

		const otherGroup = { ...scope, groups: new Set(['26956-02']) };
		expect(decideWrite(otherGroup, declaration(), stored, normal)).not.toHaveProperty('error');
	});

	it('accepts a replicated declaration the server lacks, or already holds at that revision', () => {
		const sent: CurrentState = {
			rev: '1-abc',
			isDeleted: false,
			placement: { type: 'declaration', ward: '26956', group: '26956-01' }
		};
		expect(decideWrite(scope, { ...declaration(), _rev: '1-abc' }, null, replicated).ok).toBe(true);
		expect(decideWrite(scope, { ...declaration(), _rev: '1-abc' }, sent, replicated).ok).toBe(true);
		expect(decideWrite(scope, { ...declaration(), _rev: '2-def' }, sent, replicated).ok).toBe(
			false
		);
	});
});

describe('decideWrite: consent', () => {
	const reasonOf = (decision: ReturnType<typeof decideWrite>) =>
		decision.ok ? '' : decision.reason;

	it('refuses a new declaration without consent, in both languages', () => {
		const { consent: _omitted, ...bare } = declaration();
		void _omitted;
		for (const options of [normal, replicated]) {
			const decision = decideWrite(scope, bare, null, options);
			expect(decision.ok).toBe(false);
			expect(reasonOf(decision)).toContain('consent: Chưa có sự đồng ý của hộ gia đình');
			expect(reasonOf(decision)).toContain('The household has not consented yet');
		}
	});

	it('refuses a kind of consent the one who records it cannot take', () => {
		const inApp = { ...declaration(), consent: { ...oralConsent, mode: 'in_app' } };
		expect(reasonOf(decideWrite(scope, inApp, null, normal))).toContain('consent.mode');
		const shapeless = { ...declaration(), consent: { ...oralConsent, given_by: 'somebody' } };
		expect(reasonOf(decideWrite(scope, shapeless, null, normal))).toContain('consent.given_by');
	});

	it('accepts a consent that looks given after the declaration: a phone clock ran ahead', () => {
		const ahead = {
			...declaration(),
			consent: { ...oralConsent, given_at: '2026-12-03T02:00:01Z' }
		};
		expect(decideWrite(scope, ahead, null, normal).ok).toBe(true);
	});

	it("accepts a household's earlier consent recorded by someone else, in any mode", () => {
		const earlier = {
			...declaration(),
			consent: { ...oralConsent, mode: 'in_app', recorded_by: 'r-0123456789abcdef01234567' }
		};
		expect(decideWrite(scope, earlier, null, normal).ok).toBe(true);
	});

	it('refuses a text version the ward does not have yet, and takes any it has', () => {
		const v3 = { ...declaration(), consent: { ...oralConsent, text_version: 3 } };
		expect(
			reasonOf(decideWrite(scope, v3, null, { ...normal, latestConsentVersion: 2 }))
		).toContain('The ward has no such version of the consent text');
		expect(decideWrite(scope, v3, null, { ...normal, latestConsentVersion: 3 }).ok).toBe(true);
	});

	it('judges a declaration stored before consent existed as stored, not as new', () => {
		const { consent: _omitted, ...old } = declaration();
		void _omitted;
		const stored: CurrentState = {
			rev: '1-abc',
			isDeleted: false,
			placement: { type: 'declaration', ward: '26956', group: '26956-01' }
		};
		expect(decideWrite(scope, { ...old, _rev: '1-abc' }, stored, replicated).ok).toBe(true);
	});
});

describe('decideWrite: deletions', () => {
	it('keeps a normal deletion placed and stamped, with no body', () => {
		const decision = decideWrite(
			scope,
			{ _id: HOUSEHOLD_ID, _rev: '1-abc', _deleted: true },
			placedIn('26956-01'),
			normal
		);
		expect(decision).toMatchObject({
			ok: true,
			doc: {
				_id: HOUSEHOLD_ID,
				_rev: '1-abc',
				_deleted: true,
				type: 'household',
				ward: '26956',
				group: '26956-01',
				stamp: { by: 'ctv-demo' }
			}
		});
	});

	it('scope-checks a replicated bare tombstone by the record it deletes, unchanged', () => {
		const tombstone = { _id: HOUSEHOLD_ID, _rev: '2-def', _deleted: true };
		expect(decideWrite(scope, tombstone, placedIn('26956-01'), replicated)).toEqual({
			ok: true,
			id: HOUSEHOLD_ID,
			doc: tombstone
		});
		expect(decideWrite(scope, tombstone, placedIn('26956-02'), replicated).ok).toBe(false);
		expect(decideWrite(scope, tombstone, null, replicated)).toMatchObject({
			ok: false,
			reason: expect.stringContaining('Không thể xóa')
		});
	});
});

describe('decideWrite: device statuses', () => {
	const status = (user: string) => ({
		_id: `device_status:phone-0001:${user}`,
		type: 'device_status',
		ward: '26956',
		device_id: 'phone-0001',
		user,
		app_version: '0.1.0',
		waiting: 2,
		updated_at: '2026-11-28T02:00:00.000Z'
	});

	it("accepts the caller's own status only", () => {
		expect(decideWrite(scope, status('ctv-demo'), null, normal).ok).toBe(true);
		expect(decideWrite(scope, status('ctv-demo-2'), null, normal)).toMatchObject({
			ok: false,
			reason: expect.stringContaining('user')
		});
		const theirs: CurrentState = {
			rev: '1-abc',
			isDeleted: false,
			placement: { type: 'device_status', ward: '26956', user: 'ctv-demo-2' }
		};
		expect(decideWrite(scope, { ...status('ctv-demo'), _rev: '1-abc' }, theirs, normal).ok).toBe(
			false
		);
	});
});

describe('decideWrite: a resident phone', () => {
	const OTHER_HOUSEHOLD = 'household:9f8c1c7e-1b2a-4c3d-9e8f-001122334455';
	const resident: Scope = {
		...scope,
		user: 'r-0123456789abcdef01234567',
		household: HOUSEHOLD_ID
	};
	const asResident = {
		...declaration(),
		role: 'resident',
		channel: 'qr',
		consent: { ...oralConsent, mode: 'in_app' }
	};

	it('declares for its own household as the resident, by QR', () => {
		const decision = decideWrite(resident, asResident, null, normal);
		expect(decision.ok).toBe(true);
		if (decision.ok) expect(decision.doc.stamp).toMatchObject({ by: resident.user });
	});

	it("may not pass a declaration off as a collaborator's door-to-door visit", () => {
		expect(decideWrite(resident, declaration(), null, normal)).toMatchObject({
			ok: false,
			reason: expect.stringContaining('channel')
		});
	});

	it('writes nothing into another household, even in the same group', () => {
		const intruding = { ...asResident, household: OTHER_HOUSEHOLD };
		expect(decideWrite(resident, intruding, null, normal)).toMatchObject({
			ok: false,
			reason: expect.stringContaining('household')
		});
		const otherHousehold = { ...household(), _id: OTHER_HOUSEHOLD };
		expect(decideWrite(resident, otherHousehold, null, replicated).ok).toBe(false);
	});

	it('keeps the household in the tombstone of a member it deletes, so the phone sees it', () => {
		const member = {
			_id: PERSON_ID,
			type: 'person',
			ward: '26956',
			group: '26956-01',
			household: HOUSEHOLD_ID
		};
		const current: CurrentState = {
			rev: '1-abc',
			isDeleted: false,
			placement: { type: 'person', ward: '26956', group: '26956-01', household: HOUSEHOLD_ID }
		};
		const decision = decideWrite(
			resident,
			{ ...member, _rev: '1-abc', _deleted: true },
			current,
			normal
		);
		expect(decision).toMatchObject({ ok: true, doc: { household: HOUSEHOLD_ID, _deleted: true } });
	});

	it('leaves QR self-declarations to residents', () => {
		expect(decideWrite(scope, asResident, null, normal)).toMatchObject({
			ok: false,
			reason: expect.stringContaining('QR')
		});
	});
});

describe('decideWrite: clash settlements', () => {
	const edit = (n: number, device_id: string) => ({
		n,
		device_id,
		by: 'ctv-demo',
		at: '2026-11-28T02:00:00.000Z'
	});
	const clash = {
		field: 'head_name',
		kept: 'Trần Thị Bé',
		lost: 'Trần Thị Bê',
		kept_edit: edit(1, 'phone-0002'),
		lost_edit: edit(1, 'phone-0001')
	};
	const settlement = { ...edit(2, 'desk-0001'), by: 'ward-demo', choice: 'kept' as const };
	const open = { ...household(), _rev: '1-abc', clashes: [clash] };
	const settled = { ...household(), _rev: '1-abc', clashes: [{ ...clash, settled: settlement }] };
	const stored = (doc: CouchDoc, rev = '1-abc'): CurrentState => ({
		rev,
		isDeleted: false,
		placement: { type: 'household', ward: '26956', group: '26956-01' },
		doc
	});
	const staff: Scope = { ...scope, user: 'ward-demo', groups: 'ward', settlesClashes: true };

	it('refuses a settlement made by anyone but ward staff, in both languages', () => {
		for (const options of [normal, replicated]) {
			const decision = decideWrite(scope, settled, stored(open), options);
			expect(decision.ok).toBe(false);
			if (decision.ok) return;
			expect(decision.reason).toContain('Chỉ trạm y tế phường được xác nhận');
			expect(decision.reason).toContain('Only the ward health station may confirm');
		}
		const { _rev, ...created } = settled;
		expect(_rev).toBe('1-abc');
		expect(decideWrite(scope, created, null, normal).ok).toBe(false);
		// Another choice than the stored one is a settlement of its own.
		const changed = {
			...household(),
			_rev: '1-abc',
			clashes: [{ ...clash, settled: { ...settlement, choice: 'lost' } }]
		};
		expect(decideWrite(scope, changed, stored(settled), normal).ok).toBe(false);
	});

	it("passes on a settlement the server holds, and takes ward staff's own", () => {
		expect(decideWrite(scope, settled, stored(settled), normal).ok).toBe(true);
		expect(decideWrite(scope, open, stored(open), normal).ok).toBe(true);
		expect(decideWrite(staff, settled, stored(open), normal).ok).toBe(true);
	});

	it('leaves a stale edit to CouchDB, which answers it conflict', () => {
		const stale = stored({ ...household(), clashes: [] }, '2-def');
		expect(decideWrite(scope, settled, stale, normal).ok).toBe(true);
	});
});

describe('a household whose data was erased', () => {
	const erased = { isNewEdits: true, now, erasedHousehold: HOUSEHOLD_ID };

	it('is refused before any other rule, for a new record, an edit or a deletion', () => {
		const fresh = decideWrite(scope, household(), null, erased);
		expect(fresh).toMatchObject({ ok: false, id: HOUSEHOLD_ID, erasedHousehold: HOUSEHOLD_ID });
		if (fresh.ok) throw new Error('accepted');
		expect(fresh.reason).toContain('đã được xóa dữ liệu');
		expect(fresh.reason).toContain('was erased at its request');
		expect(fresh.error).toBeUndefined();
		const deletion = decideWrite(
			scope,
			{ _id: HOUSEHOLD_ID, _rev: '2-a', _deleted: true },
			null,
			erased
		);
		expect(deletion).toMatchObject({ ok: false, erasedHousehold: HOUSEHOLD_ID });
		const replicated = decideWrite(scope, { ...household(), _rev: '5-b' }, null, {
			...erased,
			isNewEdits: false
		});
		expect(replicated).toMatchObject({ ok: false, erasedHousehold: HOUSEHOLD_ID });
	});

	it('is written as before when no erasure names it', () => {
		expect(decideWrite(scope, household(), null, { ...normal, erasedHousehold: null }).ok).toBe(
			true
		);
	});
});
