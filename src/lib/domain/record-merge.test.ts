import { describe, expect, it } from 'vitest';
import { MAX_CLASHES, type FieldEditOf } from './field-edits';
import { HOUSEHOLD_EDITABLE_FIELDS, type Household } from './household';
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

/** An edit of one field on a device, made on top of `from` as record-writes makes it. */
function edit(
	from: Household,
	field: Field,
	value: string | undefined,
	device: string,
	minute = 10
) {
	const at = `2026-11-28T09:${String(minute).padStart(2, '0')}:00+07:00`;
	let next: Household = JSON.parse(JSON.stringify(from)) as Household;
	if (field === 'address.house_number' || field === 'address.street') {
		const key = field === 'address.street' ? 'street' : 'house_number';
		next = { ...next, address: { ...next.address, [key]: value ?? '' } };
	} else if (value === undefined) {
		delete (next as Record<string, unknown>)[field];
	} else {
		next = { ...next, [field]: value };
	}
	const by = device === 'device-0001' ? 'ctv-demo' : 'ward-demo';
	const edits = editsAfterWrite(HOUSEHOLD_EDITABLE_FIELDS, from, next, from.edits, {
		device_id: device,
		by,
		at
	});
	return {
		...next,
		audit: { ...next.audit, updated_at: at, updated_by: by, device_id: device },
		edits
	};
}

const merge = (b: Household | undefined, a: Household, c: Household) =>
	mergeRecords(HOUSEHOLD_EDITABLE_FIELDS, { base: b, a, b: c });

describe('merging two edits of a household', () => {
	it('keeps both edits when they changed different fields', () => {
		const phone = edit(base, 'phone', '0901234567', 'device-0002');
		const head = edit(base, 'head_name', 'Lê Văn Tám', 'device-0001');
		const { record, clashes } = merge(base, phone, head);
		expect(record).toMatchObject({ phone: '0901234567', head_name: 'Lê Văn Tám' });
		expect(record.edits?.map((e) => e.field).sort()).toEqual(['head_name', 'phone']);
		expect(clashes).toEqual([]);
		expect(record.clashes).toBeUndefined();
	});

	it('merges the fields of the address one by one', () => {
		const number = edit(base, 'address.house_number', '14', 'device-0001');
		const street = edit(base, 'address.street', 'Xô Viết Nghệ Tĩnh', 'device-0002');
		const { record, clashes } = merge(base, number, street);
		expect(record.address).toEqual({ house_number: '14', street: 'Xô Viết Nghệ Tĩnh' });
		expect(clashes).toEqual([]);
	});

	it('resolves the same field the same way whichever side is the device, and keeps the clash', () => {
		const mine = edit(base, 'address.street', 'Xô Viết Nghệ Tĩnh', 'device-0001', 20);
		const theirs = edit(base, 'address.street', 'Nơ Trang Long', 'device-0002', 5);
		const one = merge(base, mine, theirs);
		const other = merge(base, theirs, mine);
		expect(one.record).toEqual(other.record);
		// Same version count: the device id orders them, not the (untrusted) device clock.
		expect(one.record.address.street).toBe('Nơ Trang Long');
		expect(one.record.clashes).toEqual([
			{
				field: 'address.street',
				kept: 'Nơ Trang Long',
				lost: 'Xô Viết Nghệ Tĩnh',
				kept_edit: expect.objectContaining({ device_id: 'device-0002', by: 'ward-demo', n: 1 }),
				lost_edit: expect.objectContaining({ device_id: 'device-0001', by: 'ctv-demo', n: 1 })
			}
		]);
	});

	it('lets an edit made after seeing another win without a clash', () => {
		const first = edit(base, 'head_name', 'Lê Văn Tám', 'device-0002');
		const second = edit(first, 'head_name', 'Lê Văn Tâm', 'device-0001');
		const { record, clashes } = merge(first, second, first);
		expect(record.head_name).toBe('Lê Văn Tâm');
		expect(clashes).toEqual([]);
	});

	it('records a phone number taken out against one changed as a clash with a null value', () => {
		const withPhone = { ...edit(base, 'phone', '0901234567', 'device-0001'), stamp: undefined };
		const removed = edit(withPhone, 'phone', undefined, 'device-0001');
		const changed = edit(withPhone, 'phone', '0987654321', 'device-0002');
		const { record } = merge(withPhone, removed, changed);
		expect(record.phone).toBe('0987654321');
		expect(record.clashes?.[0]).toMatchObject({ field: 'phone', kept: '0987654321', lost: null });
		expect(merge(withPhone, changed, removed).record).toEqual(record);
	});

	it('without the starting state, takes the higher version of each field and records nothing', () => {
		const phone = edit(base, 'phone', '0901234567', 'device-0002');
		const twice = edit(phone, 'head_name', 'Lê Văn Tám', 'device-0001');
		const { record, clashes } = merge(undefined, twice, phone);
		expect(record).toMatchObject({ phone: '0901234567', head_name: 'Lê Văn Tám' });
		expect(clashes).toEqual([]);
	});

	it('keeps the last clashes only, the same ones on both sides', () => {
		let a: Household = base;
		let b: Household = base;
		for (let round = 0; round < MAX_CLASHES + 5; round += 1) {
			const start = a;
			const mine = edit(start, 'head_name', `Lê Văn A${round}`, 'device-0001', round);
			const theirs = edit(start, 'head_name', `Lê Văn B${round}`, 'device-0002', round);
			a = merge(start, mine, theirs).record;
			b = merge(start, theirs, mine).record;
			expect(b).toEqual(a);
		}
		expect(a.clashes).toHaveLength(MAX_CLASHES);
		expect(a.clashes?.at(-1)?.lost).toBe(`Lê Văn A${MAX_CLASHES + 4}`);
		expect(a.clashes?.[0]?.lost).toBe('Lê Văn A5');
	});

	it('gives an edit one more version than the field had, and leaves the other fields alone', () => {
		const held: FieldEditOf<Field>[] = [
			{ field: 'phone', n: 4, device_id: 'device-0002', by: 'ward-demo', at: base.audit.updated_at }
		];
		const next = { ...base, phone: '0901234567', head_name: 'Lê Văn Tám' };
		const edits = editsAfterWrite(
			HOUSEHOLD_EDITABLE_FIELDS,
			{ ...base, phone: '0900000000' },
			next,
			held,
			{
				device_id: 'device-0001',
				by: 'ctv-demo',
				at: '2026-11-28T09:30:00+07:00'
			}
		);
		expect(edits.map(({ field, n, device_id }) => ({ field, n, device_id }))).toEqual([
			{ field: 'head_name', n: 1, device_id: 'device-0001' },
			{ field: 'phone', n: 5, device_id: 'device-0001' }
		]);
	});
});
