import { describe, expect, it } from 'vitest';
import type { ClashOf, Household, Person } from '$lib/domain';
import { clashRows } from './clash-list';

const audit = {
	created_at: '2026-11-28T09:00:00+07:00',
	created_by: 'ctv-demo',
	updated_at: '2026-11-28T09:00:00+07:00',
	updated_by: 'ctv-demo',
	device_id: 'device-0001'
};
const edit = (by: string, at: string) => ({ n: 1, device_id: `device-${by}`, by, at });

function clash<F extends string>(field: F, kept: string | null, lost: string | null, at: string) {
	return {
		field,
		kept,
		lost,
		kept_edit: edit('ctv-demo-2', '2026-11-28T10:00:00+07:00'),
		lost_edit: edit('ctv-demo', at)
	} satisfies ClashOf<F>;
}

const household: Household = {
	id: 'household:6a3c1f0e-8a4b-4c39-9a55-0d7b6c1e2f10',
	type: 'household',
	ward: '26956',
	group: '26956-01',
	address: { house_number: '12/3A', street: 'Bình Quới' },
	head_name: 'Nguyễn Văn Tám',
	audit,
	clashes: [clash('head_name', 'Nguyễn Văn Tám', 'Nguyễn Văn Tâm', '2026-11-28T09:30:00+07:00')]
};

const person: Person = {
	id: 'person:0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
	type: 'person',
	ward: '26956',
	group: '26956-01',
	household: household.id,
	full_name: 'Nguyễn Thị Ánh',
	birth_date: '1958-03-12',
	sex: 'female',
	relation: 'spouse',
	audit,
	clashes: [
		clash('birth_date', '1958-03-12', '1958-12-03', '2026-11-28T11:00:00+07:00'),
		{
			...clash('phone', null, '0901234567', '2026-11-29T08:00:00+07:00'),
			settled: { ...edit('ward-demo', '2026-11-29T09:00:00+07:00'), n: 2, choice: 'kept' }
		}
	]
};

describe('the rows of the clash screen', () => {
	it('lists each open clash once, newest first, with both values as people read them', () => {
		const rows = clashRows([household], [person], (code) => `Tổ ${code.slice(-2)}`);
		expect(rows.map((row) => row.field)).toEqual(['field.birth_date', 'field.head_name']);
		const [birth, head] = rows;
		expect(birth.subject).toEqual({
			key: 'clash.person',
			params: { name: 'Nguyễn Thị Ánh', address: '12/3A Bình Quới' }
		});
		expect(birth.kept.shown).toEqual({ text: '12/03/1958' });
		expect(birth.lost.shown).toEqual({ text: '03/12/1958' });
		expect(birth.lost).toMatchObject({ value: '1958-12-03', by: 'ctv-demo' });
		expect(birth.target).toEqual({
			collection: 'persons',
			id: person.id,
			clash: expect.stringContaining('birth_date')
		});
		expect(birth.household).toBe(household.id);
		expect(head.subject).toEqual({
			key: 'clash.household',
			params: { address: '12/3A Bình Quới' }
		});
		expect(head.kept.by).toBe('ctv-demo-2');
		expect(head.kept.at).toMatch(/\d\d:\d\d 28\/11\/2026/);
	});

	it('shows an empty value, a sex and a relation in words', () => {
		const withWords: Person = {
			...person,
			clashes: [
				clash('phone', null, '0901234567', '2026-11-28T09:00:00+07:00'),
				clash('sex', 'female', 'male', '2026-11-28T09:01:00+07:00'),
				clash('relation', 'spouse', 'sibling', '2026-11-28T09:02:00+07:00')
			]
		};
		const shown = clashRows([{ ...household, clashes: undefined }], [withWords], String).map(
			(row) => [row.kept.shown, row.lost.shown]
		);
		expect(shown).toEqual([
			[{ words: { key: 'relation.spouse' } }, { words: { key: 'relation.sibling' } }],
			[{ words: { key: 'sex.female' } }, { words: { key: 'sex.male' } }],
			[{ words: { key: 'clash.empty_value' } }, { text: '0901234567' }]
		]);
	});

	it('has nothing to show when no record holds an open clash', () => {
		expect(clashRows([{ ...household, clashes: undefined }], [], String)).toEqual([]);
	});
});
