import { describe, expect, it } from 'vitest';
import { newId } from '$lib/domain';
import { ACTOR, aHousehold, aPerson } from './records.test-support';
import {
	asksPregnancy,
	checkDeclarationForm,
	declarationFormAfter,
	emptyDeclarationForm,
	readNumber,
	type DeclarationForm
} from './declaration-form';
import { placeProblems } from './form-problems';
import { DECLARATION_FIELDS } from './declaration-form';

const TODAY = new Date('2026-06-20T09:00:00+07:00');
const household = aHousehold();
const man = aPerson(household);
const woman = aPerson(household, {
	full_name: 'Trần Thị Lan',
	sex: 'female',
	relation: 'spouse',
	birth_date: '1990-05-01'
});

function placementFor(person = man) {
	return {
		id: newId('declaration'),
		ward: person.ward,
		group: person.group,
		person: person.id,
		household: person.household,
		declared_at: TODAY.toISOString(),
		declared_by: ACTOR.username,
		role: 'collaborator' as const,
		channel: 'door_to_door' as const
	};
}

const check = (form: Partial<DeclarationForm>, person = man) =>
	checkDeclarationForm(
		{ ...emptyDeclarationForm(), ...form },
		placementFor(person),
		person,
		ACTOR,
		TODAY
	);

describe('declaration form', () => {
	it('reads decimal commas, one blood pressure field and the choices', () => {
		const { draft, problems } = check({
			height_cm: '165,5',
			weight_kg: '60.2',
			systolic: '120',
			diastolic: '80',
			pulse: ' 72 ',
			blood_group: 'O+',
			chronic_conditions: ['hypertension'],
			smoking: 'former',
			notes: '  '
		});
		expect(problems).toEqual([]);
		expect(draft.health).toEqual({
			height_cm: 165.5,
			weight_kg: 60.2,
			systolic: 120,
			diastolic: 80,
			pulse: 72,
			blood_group: 'O+',
			chronic_conditions: ['hypertension'],
			smoking: 'former'
		});
		expect(Object.keys(draft.health)).not.toContain('notes');
		expect(draft).toMatchObject({ role: 'collaborator', channel: 'door_to_door' });
	});

	it('shows a plausibility problem under the field it concerns', () => {
		const { problems } = check({
			height_cm: '1650',
			systolic: '80',
			diastolic: '120',
			pulse: 'abc'
		});
		const { byField } = placeProblems(problems, DECLARATION_FIELDS);
		expect(byField).toEqual({
			height_cm: ['height.range'],
			systolic: ['bp.order'],
			pulse: ['number.invalid']
		});
		expect(placeProblems(check({ diastolic: '80' }).problems, DECLARATION_FIELDS).byField).toEqual({
			systolic: ['bp.pair']
		});
		expect(
			placeProblems(check({ systolic: '120', diastolic: '200' }).problems, DECLARATION_FIELDS)
				.byField
		).toEqual({
			diastolic: ['diastolic.range']
		});
	});

	it('reads "120/80" typed into the first blood pressure field as both numbers', () => {
		expect(check({ systolic: '120/80' }).draft.health).toEqual({ systolic: 120, diastolic: 80 });
		expect(check({ systolic: '120 - 80' }).draft.health).toEqual({ systolic: 120, diastolic: 80 });
		expect(check({ systolic: '80/120' }).problems).toEqual([{ path: 'systolic', key: 'bp.order' }]);
		expect(check({ systolic: '120/' }).problems).toEqual([
			{ path: 'systolic', key: 'number.invalid' }
		]);
	});

	it('refuses an empty declaration with a message for the whole form', () => {
		const { problems } = check({});
		const { byField, general } = placeProblems(problems, DECLARATION_FIELDS);
		expect(byField).toEqual({});
		expect(general).toEqual(['declaration.empty']);
	});

	it('asks about pregnancy of women of 10 to 55 only, and records the answer only there', () => {
		expect(asksPregnancy(woman, TODAY)).toBe(true);
		expect(asksPregnancy(man, TODAY)).toBe(false);
		expect(asksPregnancy({ sex: 'female', birth_date: '1960' }, TODAY)).toBe(false);
		expect(asksPregnancy({ sex: 'female', birth_date: '2017-01-01' }, TODAY)).toBe(false);
		expect(check({ pregnant: 'yes' }, woman).draft.health.pregnant).toBe(true);
		expect(check({ pregnant: 'no', weight_kg: '50' }, woman).draft.health.pregnant).toBe(false);
		expect(check({ pregnant: 'yes', weight_kg: '70' }, man).draft.health.pregnant).toBeUndefined();
	});

	it('carries over what rarely changes from the last declaration, never the measurements', () => {
		const form = declarationFormAfter({
			height_cm: 160,
			systolic: 140,
			diastolic: 90,
			blood_group: 'A+',
			chronic_conditions: ['diabetes'],
			allergies: 'Penicillin',
			pregnant: true
		});
		expect(form).toMatchObject({
			height_cm: '',
			systolic: '',
			blood_group: 'A+',
			chronic_conditions: ['diabetes'],
			allergies: 'Penicillin',
			pregnant: ''
		});
	});
});

describe('numbers typed on a phone', () => {
	it('reads what a keypad gives and refuses the rest', () => {
		expect(readNumber('')).toEqual({ ok: true, value: undefined });
		expect(readNumber('1,5')).toEqual({ ok: true, value: 1.5 });
		expect(readNumber('72')).toEqual({ ok: true, value: 72 });
		expect(readNumber('1.2.3')).toEqual({ ok: false, key: 'number.invalid' });
		expect(readNumber('-5')).toEqual({ ok: false, key: 'number.invalid' });
		expect(readNumber('1e3')).toEqual({ ok: false, key: 'number.invalid' });
	});
});
