// A member of a household, as the household or its collaborator declares them.

import { z } from 'zod';
import { checkCitizenId, normalizeCitizenId } from './cccd';
import { AuditSchema, PhoneSchema, PlacementSchema, StampSchema } from './common';
import { checkBirthDate } from './dates';
import { clashesSchema, fieldEditsSchema } from './field-edits';
import { isRecordId } from './ids';

export const SEXES = ['male', 'female'] as const;
export const RELATIONS = [
	'head',
	'spouse',
	'child',
	'parent',
	'grandchild',
	'grandparent',
	'sibling',
	'child_in_law',
	'other'
] as const;
export type Relation = (typeof RELATIONS)[number];

/** Letters of any script (Vietnamese diacritics included), spaces, and the odd apostrophe. */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;

export const FullNameSchema = z
	.string({ error: 'required' })
	.trim()
	.min(2, { error: 'name.too_short' })
	.max(80, { error: 'text.too_long' })
	.regex(NAME, { error: 'name.invalid' })
	.transform((name) => name.normalize('NFC').replace(/\s+/g, ' '));

/** The fields two devices may edit at once; each merges on its own. */
export const PERSON_EDITABLE_FIELDS = [
	'group',
	'household',
	'full_name',
	'birth_date',
	'sex',
	'citizen_id',
	'insurance_number',
	'phone',
	'relation'
] as const;

export const PersonSchema = z
	.object({
		id: z.string().refine((id) => isRecordId(id, 'person'), { error: 'id.invalid' }),
		type: z.literal('person', { error: 'doc.type' }),
		...PlacementSchema.shape,
		household: z.string().refine((id) => isRecordId(id, 'household'), { error: 'id.invalid' }),
		full_name: FullNameSchema,
		birth_date: z.string({ error: 'required' }).superRefine((value, context) => {
			const error = checkBirthDate(value);
			if (error) context.addIssue({ code: 'custom', message: error });
		}),
		sex: z.enum(SEXES, { error: 'sex.invalid' }),
		citizen_id: z.string().transform(normalizeCitizenId).optional(),
		insurance_number: z
			.string()
			.trim()
			.toUpperCase()
			.regex(/^(\d{10}|[A-Z]{2}\d{13})$/, { error: 'insurance.format' })
			.optional(),
		phone: PhoneSchema.optional(),
		relation: z.enum(RELATIONS, { error: 'relation.invalid' }),
		audit: AuditSchema,
		edits: fieldEditsSchema(PERSON_EDITABLE_FIELDS).optional(),
		clashes: clashesSchema(PERSON_EDITABLE_FIELDS).optional(),
		stamp: StampSchema.optional()
	})
	.superRefine((person, context) => {
		if (person.citizen_id === undefined) return;
		const error = checkCitizenId(person.citizen_id, person.birth_date, person.sex);
		if (error) context.addIssue({ code: 'custom', message: error, path: ['citizen_id'] });
	});
export type Person = z.infer<typeof PersonSchema>;
