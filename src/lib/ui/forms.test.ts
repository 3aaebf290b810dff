import { describe, expect, it } from 'vitest';
import { newId } from '$lib/domain';
import { ACTOR, aHousehold, aPerson } from './records.test-support';
import { checkHouseholdDraft, householdDraft, emptyHouseholdForm } from './household-form';
import { checkPersonForm, emptyPersonForm, personFormOf } from './person-form';
import { placeProblems } from './form-problems';
import { readTypedDate } from './typed-date';

const TODAY = new Date('2026-06-20T09:00:00+07:00');

describe('typed dates', () => {
	it('shows what it understood as dd/mm/yyyy, or the year alone', () => {
		expect(readTypedDate('12/3/1958', TODAY)).toEqual({
			kind: 'day',
			value: '1958-03-12',
			shown: '12/03/1958'
		});
		expect(readTypedDate('1958', TODAY)).toEqual({ kind: 'year', value: '1958', shown: '1958' });
		expect(readTypedDate('  ', TODAY)).toEqual({ kind: 'empty' });
		expect(readTypedDate('31/2/1990', TODAY)).toEqual({ kind: 'problem', key: 'date.not_exist' });
		expect(readTypedDate('1/1/2030', TODAY)).toEqual({ kind: 'problem', key: 'date.future' });
		expect(readTypedDate('hôm qua', TODAY)).toEqual({ kind: 'problem', key: 'date.format' });
	});
});

describe('household form', () => {
	it('makes a valid household draft from what was typed', () => {
		const form = {
			...emptyHouseholdForm('26956-01'),
			house_number: ' 12/3A ',
			street: 'Bình Quới',
			head_name: 'Nguyễn Văn Hùng',
			phone: '090 123 4567'
		};
		const draft = householdDraft(form, { id: newId('household'), ward: '26956' });
		expect(draft.phone).toBe('0901234567');
		expect(draft.address.house_number).toBe('12/3A');
		expect(checkHouseholdDraft(draft, ACTOR)).toEqual([]);
	});

	it('puts each problem under its field, never under the bookkeeping', () => {
		const draft = householdDraft(
			{ ...emptyHouseholdForm(''), head_name: 'A', phone: '12' },
			{ id: newId('household'), ward: '26956' }
		);
		const problems = checkHouseholdDraft(draft, { username: 'NOT VALID', deviceId: '!' });
		expect(problems).toEqual(
			expect.arrayContaining([
				{ path: 'group', key: 'choice.invalid' },
				{ path: 'address.house_number', key: 'household.address' },
				{ path: 'address.street', key: 'household.address' },
				{ path: 'head_name', key: 'name.too_short' },
				{ path: 'phone', key: 'phone.format' }
			])
		);
		expect(problems.some((problem) => problem.path.startsWith('audit'))).toBe(false);
	});
});

describe('member form', () => {
	const household = aHousehold();
	const placement = {
		id: newId('person'),
		ward: household.ward,
		group: household.group,
		household: household.id
	};

	it('reads the birth date as typed and keeps names with their diacritics', () => {
		const form = {
			...emptyPersonForm(),
			full_name: 'Nguyễn  Thị Ánh',
			birth_date: '12/3/1958',
			sex: 'female' as const,
			relation: 'spouse' as const
		};
		const { draft, problems } = checkPersonForm(form, placement, ACTOR, TODAY);
		expect(problems).toEqual([]);
		expect(draft.birth_date).toBe('1958-03-12');
		expect(draft.full_name).toBe('Nguyễn  Thị Ánh');
		expect(draft.citizen_id).toBeUndefined();
	});

	it('checks the CCCD against the birth year and the sex', () => {
		const base = {
			...emptyPersonForm(),
			full_name: 'Nguyễn Thị Ánh',
			birth_date: '1958',
			relation: 'spouse' as const
		};
		const woman = { ...base, sex: 'female' as const };
		expect(
			checkPersonForm({ ...woman, citizen_id: '079158001234' }, placement, ACTOR, TODAY).problems
		).toEqual([]);
		expect(
			checkPersonForm({ ...woman, citizen_id: '079 058 001 234' }, placement, ACTOR, TODAY).problems
		).toEqual([{ path: 'citizen_id', key: 'cccd.sex' }]);
		expect(
			checkPersonForm({ ...woman, citizen_id: '079160001234' }, placement, ACTOR, TODAY).problems
		).toEqual([{ path: 'citizen_id', key: 'cccd.birth_year' }]);
		expect(
			checkPersonForm({ ...woman, citizen_id: '12345' }, placement, ACTOR, TODAY).problems
		).toEqual([{ path: 'citizen_id', key: 'cccd.format' }]);
	});

	it('reports every missing field at once, with the date reading first', () => {
		const { problems } = checkPersonForm(
			{ ...emptyPersonForm(), birth_date: '30/2/1990' },
			placement,
			ACTOR,
			TODAY
		);
		const { byField, general } = placeProblems(problems, [
			'full_name',
			'birth_date',
			'sex',
			'relation'
		]);
		expect(Object.keys(byField)).toEqual(['full_name', 'birth_date', 'sex', 'relation']);
		expect(byField).toEqual({
			birth_date: ['date.not_exist'],
			full_name: ['required'],
			sex: ['sex.invalid'],
			relation: ['relation.invalid']
		});
		expect(general).toEqual([]);
	});

	it('edits a stored person with the date shown as dd/mm/yyyy', () => {
		const person = aPerson(household, { birth_date: '1958-03-12', citizen_id: '079058001234' });
		const form = personFormOf(person);
		expect(form.birth_date).toBe('12/03/1958');
		const { draft, problems } = checkPersonForm(form, person, ACTOR, TODAY);
		expect(problems).toEqual([]);
		expect(draft.birth_date).toBe('1958-03-12');
	});
});
