import { getAjv } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkRecord, newId, RECORD_SCHEMAS } from '$lib/domain';
import { COLLECTION_NAMES, TYPE_OF_COLLECTION } from './collections';
import { deriveRxSchema } from './json-schema';
import { COLLECTION_DEFINITIONS, rxSchemaOf } from './schema-versions';

const audit = {
	created_at: '2026-11-28T09:00:00+07:00',
	created_by: 'ctv-demo',
	updated_at: '2026-11-28T09:00:00+07:00',
	updated_by: 'ctv-demo',
	device_id: 'device-0001'
};
const at = '2026-11-28T09:30:00+07:00';
const stamp = { by: 'ctv-demo', at: '2026-11-28T02:00:01.000Z', device_id: 'device-0001' };
const householdId = newId('household');
const personId = newId('person');
const samples = {
	households: {
		id: householdId,
		type: 'household',
		ward: '26956',
		group: '26956-01',
		address: { house_number: '12/3A', street: 'Bình Quới' },
		head_name: 'Nguyễn Văn Tám',
		audit,
		edits: [{ field: 'address.street', n: 2, device_id: 'device-0002', by: 'ward-demo', at }],
		clashes: [
			{
				field: 'address.street',
				kept: 'Bình Quới',
				lost: 'Xô Viết Nghệ Tĩnh',
				kept_edit: { n: 2, device_id: 'device-0002', by: 'ward-demo', at },
				lost_edit: { n: 2, device_id: 'device-0001', by: 'ctv-demo', at }
			}
		],
		stamp
	},
	persons: {
		id: personId,
		type: 'person',
		ward: '26956',
		group: '26956-01',
		household: householdId,
		full_name: 'Nguyễn Thị Ánh',
		birth_date: '1958-03-12',
		sex: 'female',
		citizen_id: '079158001234',
		relation: 'spouse',
		audit
	},
	declarations: {
		id: newId('declaration'),
		type: 'declaration',
		ward: '26956',
		group: '26956-01',
		person: personId,
		household: householdId,
		declared_at: '2026-11-28T09:05:00+07:00',
		declared_by: 'ctv-demo',
		role: 'collaborator',
		channel: 'door_to_door',
		health: { height_cm: 152, weight_kg: 50, systolic: 135, diastolic: 85, smoking: 'never' },
		audit
	},
	device_statuses: {
		id: 'device_status:device-0001:ctv-demo',
		type: 'device_status',
		ward: '26956',
		device_id: 'device-0001',
		user: 'ctv-demo',
		app_version: '0.1.0',
		waiting: 3,
		updated_at: '2026-11-28T09:05:00+07:00'
	}
} as const;

describe('RxDB schemas derived from the zod schemas', () => {
	for (const name of COLLECTION_NAMES) {
		const schema = rxSchemaOf(name, COLLECTION_DEFINITIONS[name]);
		const zodShape = (RECORD_SCHEMAS[TYPE_OF_COLLECTION[name]] as unknown as z.ZodObject).shape;

		it(`${name}: has every zod field, and requires what zod requires`, () => {
			expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(zodShape).sort());
			const zodRequired = Object.entries(zodShape)
				.filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
				.map(([key]) => key)
				.sort();
			expect([...(schema.required ?? [])].sort()).toEqual(zodRequired);
		});

		it(`${name}: keys documents by a bounded id, at the version of its migration chain`, () => {
			expect(schema.primaryKey).toBe('id');
			expect(schema.properties.id).toMatchObject({ type: 'string', maxLength: 100 });
			expect(schema.version).toBe(COLLECTION_DEFINITIONS[name].steps.length);
		});

		it(`${name}: accepts a record the zod schema accepts`, () => {
			const checked = checkRecord(samples[name]);
			expect(checked.ok).toBe(true);
			const validate = getAjv().compile({ ...schema, indexes: undefined });
			expect(validate(checked.ok ? checked.record : null), JSON.stringify(validate.errors)).toBe(
				true
			);
		});
	}

	it('indexes households by group, persons by household, declarations by person and time', () => {
		const indexes = (name: (typeof COLLECTION_NAMES)[number]) =>
			rxSchemaOf(name, COLLECTION_DEFINITIONS[name]).indexes;
		expect(indexes('households')).toEqual(['group']);
		expect(indexes('persons')).toEqual(['household']);
		expect(indexes('declarations')).toContainEqual(['person', 'declared_at']);
		const declarations = rxSchemaOf('declarations', COLLECTION_DEFINITIONS.declarations);
		expect(declarations.properties.declared_at).toMatchObject({ type: 'string', maxLength: 40 });
		expect(declarations.properties.person).toMatchObject({ type: 'string', maxLength: 100 });
	});

	it('keeps the rules zod can state in JSON schema', () => {
		const declarations = rxSchemaOf('declarations', COLLECTION_DEFINITIONS.declarations);
		const health = declarations.properties.health as { properties: Record<string, object> };
		expect(health.properties.height_cm).toMatchObject({ minimum: 30, maximum: 250 });
		expect(declarations.properties.type).toEqual({ type: 'string', enum: ['declaration'] });
		expect(JSON.stringify(declarations)).not.toContain('$schema');
	});

	it('refuses an index on a field zod leaves optional or unbounded', () => {
		const schema = z.object({ id: z.string(), note: z.string().optional(), code: z.string() });
		const base = { version: 0, title: 'things', maxLengths: {} };
		expect(() => deriveRxSchema(schema, { ...base, indexes: ['note'] })).toThrow(/required/);
		expect(() => deriveRxSchema(schema, { ...base, indexes: ['code'] })).toThrow(/maxLength/);
	});
});
