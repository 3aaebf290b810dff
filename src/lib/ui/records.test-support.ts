// Valid records for the screen-logic tests, checked against the domain schemas on creation so
// a fixture can never drift from the real shape.

import {
	DeclarationSchema,
	HouseholdSchema,
	PersonSchema,
	type Declaration,
	type Household,
	type Person
} from '$lib/domain';

let counter = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

export const ACTOR = { username: 'ctv-demo', deviceId: 'device-1234-abcd' };

const audit = {
	created_at: '2026-01-01T08:00:00+07:00',
	created_by: 'ctv-demo',
	updated_at: '2026-01-01T08:00:00+07:00',
	updated_by: 'ctv-demo',
	device_id: 'device-1234-abcd'
};

export function aHousehold(
	overrides: Partial<Household> & { house_number?: string; street?: string } = {}
): Household {
	const { house_number = '12/3A', street = 'Bình Quới', ...rest } = overrides;
	return HouseholdSchema.parse({
		id: `household:${uuid()}`,
		type: 'household',
		ward: '26956',
		group: '26956-01',
		address: { house_number, street },
		head_name: 'Nguyễn Văn Hùng',
		audit,
		...rest
	});
}

export function aPerson(household: Household, overrides: Partial<Person> = {}): Person {
	return PersonSchema.parse({
		id: `person:${uuid()}`,
		type: 'person',
		ward: household.ward,
		group: household.group,
		household: household.id,
		full_name: household.head_name,
		birth_date: '1958-03-12',
		sex: 'male',
		relation: 'head',
		audit,
		...overrides
	});
}

export function aDeclaration(person: Person, overrides: Partial<Declaration> = {}): Declaration {
	return DeclarationSchema.parse({
		id: `declaration:${uuid()}`,
		type: 'declaration',
		ward: person.ward,
		group: person.group,
		person: person.id,
		household: person.household,
		declared_at: '2026-01-01T08:00:00+07:00',
		declared_by: 'ctv-demo',
		role: 'collaborator',
		channel: 'door_to_door',
		health: { height_cm: 165 },
		audit,
		...overrides
	});
}
