import { describe, expect, it } from 'vitest';
import { householdOfWrite } from './erasure-guard';

const HOUSEHOLD = 'household:0f8c1c7e-1b2a-4c3d-9e8f-001122334455';
const PERSON = 'person:1f8c1c7e-1b2a-4c3d-9e8f-001122334455';
const DECLARATION = 'declaration:2f8c1c7e-1b2a-4c3d-9e8f-001122334455';

describe('the household a write belongs to', () => {
	it('is the id of a household, and the field of a person or a declaration', () => {
		expect(householdOfWrite(HOUSEHOLD, { type: 'household' }, undefined)).toBe(HOUSEHOLD);
		expect(householdOfWrite(PERSON, { household: HOUSEHOLD }, undefined)).toBe(HOUSEHOLD);
		expect(householdOfWrite(DECLARATION, { household: HOUSEHOLD }, undefined)).toBe(HOUSEHOLD);
	});

	it("is the stored record's for a bare tombstone", () => {
		const current = {
			rev: '2-a',
			isDeleted: true,
			placement: { type: 'person' as const, ward: '26956', group: '26956-01', household: HOUSEHOLD }
		};
		expect(householdOfWrite(PERSON, { _id: PERSON, _deleted: true }, current)).toBe(HOUSEHOLD);
		expect(householdOfWrite(PERSON, { _id: PERSON, _deleted: true }, undefined)).toBeNull();
	});

	it('ignores a household field that is not a household id', () => {
		expect(householdOfWrite(PERSON, { household: 'person:x' }, undefined)).toBeNull();
		expect(householdOfWrite(null, { household: HOUSEHOLD }, undefined)).toBeNull();
	});
});
