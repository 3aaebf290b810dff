import { describe, expect, it } from 'vitest';
import { checkCitizenId } from '../../src/lib/domain/cccd';
import { ageOn } from '../../src/lib/domain/dates';
import type { Declaration } from '../../src/lib/domain/declaration';
import type { Household } from '../../src/lib/domain/household';
import type { Person } from '../../src/lib/domain/person';
import { DEMO_GROUP_CODES, DEMO_HOUSEHOLDS } from './demo';
import { demoWard } from './seed-demo';

const NOW = new Date('2026-11-28T05:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const FAMILY_NAMES = new Set(
	'Nguyễn Trần Lê Phạm Huỳnh Hoàng Phan Võ Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trương Lâm Đinh Mai Tạ'.split(
		' '
	)
);

describe('the demo ward', () => {
	const ward = demoWard({ now: NOW });
	const households = ward.households as Household[];
	const persons = ward.persons as Person[];
	const declarations = ward.declarations as Declaration[];

	it('has the size the demo promises', () => {
		expect(households).toHaveLength(DEMO_HOUSEHOLDS);
		expect(households.length).toBeGreaterThanOrEqual(300);
		expect(persons.length).toBeGreaterThanOrEqual(1000);
		expect(new Set(households.map((household) => household.group))).toEqual(
			new Set(DEMO_GROUP_CODES)
		);
	});

	it('comes out the same every time, and a smaller demo is its first part', () => {
		expect(JSON.stringify(demoWard({ now: NOW }))).toBe(JSON.stringify(ward));
		const small = demoWard({ now: NOW, households: 20 });
		expect(small.households).toEqual(ward.households.slice(0, 20));
		expect(small.persons).toEqual(ward.persons.slice(0, small.persons.length));
		const ids = [...ward.households, ...ward.persons, ...ward.declarations].map(
			(record) => record.id
		);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('gives every household one head whose name it carries', () => {
		for (const household of households) {
			const members = persons.filter((person) => person.household === household.id);
			const heads = members.filter((person) => person.relation === 'head');
			expect(heads).toHaveLength(1);
			expect(household.head_name).toBe(heads[0].full_name);
			expect(members.every((person) => person.group === household.group)).toBe(true);
			const headAge = ageOn(heads[0].birth_date, NOW);
			expect(headAge).toBeGreaterThanOrEqual(30);
			expect(headAge).toBeLessThanOrEqual(85);
			for (const child of members.filter((person) => person.relation === 'child')) {
				expect(headAge - ageOn(child.birth_date, NOW)).toBeGreaterThanOrEqual(18);
			}
		}
	});

	it('uses Vietnamese family names and keeps CCCD for people of 14 and over', () => {
		for (const person of persons) {
			expect(FAMILY_NAMES.has(person.full_name.split(' ')[0])).toBe(true);
			if (person.citizen_id) {
				expect(ageOn(person.birth_date, NOW)).toBeGreaterThanOrEqual(14);
				expect(checkCitizenId(person.citizen_id, person.birth_date, person.sex)).toBeNull();
			}
		}
		const withId = persons.filter((person) => person.citizen_id);
		expect(withId.length / persons.length).toBeGreaterThan(0.6);
		expect(
			withId.filter((person) => person.citizen_id?.startsWith('079')).length / withId.length
		).toBeGreaterThan(0.5);
		expect(persons.some((person) => /^\d{4}$/.test(person.birth_date))).toBe(true);
	});

	it('has about 40% of people declared over the last nine months, by both channels', () => {
		const declared = new Set(declarations.map((declaration) => declaration.person));
		expect(declared.size / persons.length).toBeGreaterThan(0.3);
		expect(declared.size / persons.length).toBeLessThan(0.5);
		const times = declarations.map((declaration) => Date.parse(declaration.declared_at));
		expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 270 * DAY_MS);
		expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
		expect(new Set(declarations.map((declaration) => declaration.channel))).toEqual(
			new Set(['qr', 'door_to_door'])
		);
		for (const declaration of declarations) {
			expect(declaration.role).toBe(declaration.channel === 'qr' ? 'resident' : 'collaborator');
			expect(Date.parse(declaration.stamp?.at ?? '')).toBeGreaterThanOrEqual(
				Date.parse(declaration.declared_at)
			);
		}
	});
});
