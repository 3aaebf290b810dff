import { describe, expect, it } from 'vitest';
import { openClashes, settleClash } from './clash-settle';
import { clashKeyOf } from './field-edits';
import { HOUSEHOLD_EDITABLE_FIELDS, HouseholdSchema, type Household } from './household';
import { editsAfterWrite, mergeRecords } from './record-merge';

type Field = (typeof HOUSEHOLD_EDITABLE_FIELDS)[number];

const base: Household = {
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
	}
};

function edit(from: Household, field: Field, value: string, device: string, minute: number) {
	const at = `2026-11-28T09:${String(minute).padStart(2, '0')}:00+07:00`;
	const next: Household =
		field === 'address.street'
			? { ...from, address: { ...from.address, street: value } }
			: { ...from, [field]: value };
	const by = device === 'device-0001' ? 'ctv-demo' : 'ctv-demo-2';
	return {
		...next,
		audit: { ...next.audit, updated_at: at, updated_by: by, device_id: device },
		edits: editsAfterWrite(HOUSEHOLD_EDITABLE_FIELDS, from, next, from.edits, {
			device_id: device,
			by,
			at
		})
	};
}

const merge = (b: Household | undefined, a: Household, c: Household) =>
	mergeRecords(HOUSEHOLD_EDITABLE_FIELDS, { base: b, a, b: c }).record;

const staff = { device_id: 'device-0009', by: 'ward-demo', at: '2026-11-29T08:00:00+07:00' };

/** Two phones changed the head's name from the same state: the record holds one clash. */
function clashed() {
	const mine = edit(base, 'head_name', 'Lê Văn Tám', 'device-0001', 10);
	const theirs = edit(base, 'head_name', 'Lê Văn Tâm', 'device-0002', 12);
	return { mine, theirs, merged: merge(base, mine, theirs) };
}

describe('settling a clash', () => {
	it('puts the lost value back when staff choose it, and marks the clash settled', () => {
		const { merged } = clashed();
		const [clash] = merged.clashes ?? [];
		expect(clash).toMatchObject({ kept: 'Lê Văn Tâm', lost: 'Lê Văn Tám' });
		const settled = settleClash(merged, clash, 'lost', staff);
		expect(settled.head_name).toBe('Lê Văn Tám');
		expect(openClashes(settled.clashes)).toEqual([]);
		expect(settled.clashes?.[0].settled).toEqual({ n: 2, ...staff, choice: 'lost' });
		expect(settled.edits?.find((e) => e.field === 'head_name')).toEqual({
			field: 'head_name',
			n: 2,
			...staff
		});
	});

	it('keeps the value and still records the confirmation as a newer version', () => {
		const { merged } = clashed();
		const settled = settleClash(merged, merged.clashes![0], 'kept', staff);
		expect(settled.head_name).toBe('Lê Văn Tâm');
		expect(openClashes(settled.clashes)).toEqual([]);
		expect(settled.edits?.find((e) => e.field === 'head_name')?.n).toBe(2);
	});

	it('wins the merge with phones that still hold the clash open, in either order', () => {
		const { merged, mine } = clashed();
		const confirmed = settleClash(merged, merged.clashes![0], 'lost', staff);
		// A third phone pulled the clashed copy, then changed the phone number offline.
		const third = edit(merged, 'phone', '0901234567', 'device-0003', 30);
		for (const result of [merge(merged, confirmed, third), merge(merged, third, confirmed)]) {
			expect(result.head_name).toBe('Lê Văn Tám');
			expect(result.phone).toBe('0901234567');
			expect(openClashes(result.clashes)).toEqual([]);
		}
		// A phone whose push answer was lost merges without a base: still settled.
		const late = merge(undefined, mine, confirmed);
		expect(late.head_name).toBe('Lê Văn Tám');
		expect(openClashes(late.clashes)).toEqual([]);
	});

	it('shows a clash that arrives after the confirmation as a new one', () => {
		const { merged } = clashed();
		const confirmed = settleClash(merged, merged.clashes![0], 'lost', staff);
		// A phone offline since before all this changed the name from the very first state.
		const offline = edit(base, 'head_name', 'Lê Văn Tấm', 'device-0004', 45);
		const result = merge(base, offline, confirmed);
		expect(result).toEqual(merge(base, confirmed, offline));
		expect(result.head_name).toBe('Lê Văn Tám');
		expect(openClashes(result.clashes)).toEqual([
			expect.objectContaining({ field: 'head_name', kept: 'Lê Văn Tám', lost: 'Lê Văn Tấm' })
		]);
	});

	it('leaves a clash open after an ordinary later edit of its field, through a merge', () => {
		const { merged } = clashed();
		const later = edit(merged, 'head_name', 'Lê Văn Tâmm', 'device-0002', 50);
		const other = edit(merged, 'phone', '0901234567', 'device-0003', 51);
		const result = merge(merged, later, other);
		expect(result.head_name).toBe('Lê Văn Tâmm');
		expect(openClashes(result.clashes)).toEqual([
			expect.objectContaining({ field: 'head_name', lost: 'Lê Văn Tám' })
		]);
	});

	it('names each clash the same way on every replica', () => {
		const { mine, theirs } = clashed();
		const one = merge(base, mine, theirs).clashes![0];
		const other = merge(base, theirs, mine).clashes![0];
		expect(clashKeyOf(one)).toBe(clashKeyOf(other));
		expect(clashKeyOf(one)).toContain('head_name');
	});

	it('keeps one clash when the device copy and the stored copy merge again', () => {
		const { merged } = clashed();
		// The gateway stores what its schema reads: a clash's edits carry no `field`.
		expect(Object.keys(merged.clashes![0].kept_edit)).not.toContain('field');
		const stored = HouseholdSchema.parse(merged);
		const again = merge(merged, merged, { ...stored, phone: '0901234567' });
		expect(again.clashes).toHaveLength(1);
	});
});
