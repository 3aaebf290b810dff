import { describe, expect, it } from 'vitest';
import { newId } from './ids';
import { checkRecord, describeProblems } from './records';

const audit = {
	created_at: '2026-11-28T09:00:00+07:00',
	created_by: 'ctv-demo',
	updated_at: '2026-11-28T09:00:00+07:00',
	updated_by: 'ctv-demo',
	device_id: 'device-0001'
};
const household = {
	id: newId('household'),
	type: 'household',
	ward: '26956',
	group: '26956-01',
	address: { house_number: '12/3A', street: 'Bình Quới' },
	head_name: 'Nguyễn Văn Tám',
	audit
};
const person = {
	id: newId('person'),
	type: 'person',
	ward: '26956',
	group: '26956-01',
	household: household.id,
	full_name: 'Nguyễn Thị Ánh',
	birth_date: '1958-03-12',
	sex: 'female',
	citizen_id: '079 158 001 234',
	relation: 'spouse',
	audit
};
const declaration = {
	id: newId('declaration'),
	type: 'declaration',
	ward: '26956',
	group: '26956-01',
	person: person.id,
	household: household.id,
	declared_at: '2026-11-28T09:05:00+07:00',
	declared_by: 'ctv-demo',
	role: 'collaborator',
	channel: 'door_to_door',
	health: { height_cm: 152, weight_kg: 50, systolic: 135, diastolic: 85 },
	audit
};

function keysOf(candidate: unknown): string[] {
	const result = checkRecord(candidate);
	return result.ok ? [] : result.problems.map((problem) => `${problem.path}:${problem.key}`);
}

describe('checkRecord', () => {
	it('accepts well-formed records of each type', () => {
		expect(keysOf(household)).toEqual([]);
		expect(keysOf(person)).toEqual([]);
		expect(keysOf(declaration)).toEqual([]);
	});
	it('normalises what people type', () => {
		const result = checkRecord({ ...person, full_name: '  Nguyễn   Thị Ánh ' });
		expect(result.ok && result.record.type === 'person' && result.record.citizen_id).toBe(
			'079158001234'
		);
		expect(result.ok && result.record.type === 'person' && result.record.full_name).toBe(
			'Nguyễn Thị Ánh'
		);
	});
	it('refuses a wrong CCCD with the field named', () => {
		expect(keysOf({ ...person, citizen_id: '079058001234' })).toEqual(['citizen_id:cccd.sex']);
		expect(keysOf({ ...person, citizen_id: '12345' })).toEqual(['citizen_id:cccd.format']);
	});
	it('refuses 31/02 as a birth date', () => {
		expect(keysOf({ ...person, birth_date: '1958-02-31', citizen_id: undefined })).toEqual([
			'birth_date:date.not_exist'
		]);
	});
	it('refuses systolic 999', () => {
		expect(keysOf({ ...declaration, health: { systolic: 999, diastolic: 80 } })).toEqual([
			'health.systolic:systolic.range'
		]);
	});
	it('refuses an empty declaration', () => {
		expect(keysOf({ ...declaration, health: {} })).toEqual(['health:declaration.empty']);
	});
	it('refuses an unknown type or a missing id', () => {
		expect(keysOf({ ...household, id: 'thing:1' })).toEqual(['id:doc.type']);
		expect(keysOf(null)).toEqual(['id:doc.type']);
	});
	it('refuses a household placed in a group of another form', () => {
		expect(keysOf({ ...household, group: 'T01' })).toEqual(['group:code.invalid']);
	});
	it('refuses a device status whose id names another device or user', () => {
		const status = {
			id: 'device_status:device-0001:ctv-demo',
			type: 'device_status',
			ward: '26956',
			device_id: 'device-0001',
			user: 'ctv-demo',
			app_version: '0.1.0',
			waiting: 0,
			updated_at: '2026-11-28T09:00:00+07:00'
		};
		expect(keysOf(status)).toEqual([]);
		expect(keysOf({ ...status, user: 'ctv-demo-2' })).toEqual(['id:id.invalid']);
		expect(keysOf({ ...status, id: 'device_status:device-0001' })).toContain('id:id.invalid');
	});
	it('gives a reason in Vietnamese and English', () => {
		const result = checkRecord({ ...declaration, health: { systolic: 999, diastolic: 80 } });
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(describeProblems(result.problems)).toBe(
				'health.systolic: Huyết áp tâm thu phải từ 60 đến 260 mmHg / Systolic pressure must be between 60 and 260 mmHg'
			);
		}
	});
});
