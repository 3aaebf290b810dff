// A household: the unit a QR sheet is printed for and a collaborator visits.

import { z } from 'zod';
import { AuditSchema, isPlainText, PhoneSchema, PlacementSchema, StampSchema } from './common';
import { clashesSchema, fieldEditsSchema } from './field-edits';
import { isRecordId } from './ids';
import { foldVietnamese } from './search-fold';

/** The fields two devices may edit at once; each merges on its own (nested ones by path). */
export const HOUSEHOLD_EDITABLE_FIELDS = [
	'group',
	'address.house_number',
	'address.street',
	'head_name',
	'phone'
] as const;

export const HouseholdSchema = z.object({
	id: z.string().refine((id) => isRecordId(id, 'household'), { error: 'id.invalid' }),
	type: z.literal('household', { error: 'doc.type' }),
	...PlacementSchema.shape,
	address: z.object({
		house_number: z
			.string({ error: 'household.address' })
			.trim()
			.min(1, { error: 'household.address' })
			.max(40, { error: 'text.too_long' })
			.refine(isPlainText, { error: 'text.markup' }),
		street: z
			.string({ error: 'household.address' })
			.trim()
			.min(1, { error: 'household.address' })
			.max(120, { error: 'text.too_long' })
			.refine(isPlainText, { error: 'text.markup' })
	}),
	head_name: z
		.string({ error: 'required' })
		.trim()
		.min(2, { error: 'name.too_short' })
		.max(80, { error: 'text.too_long' })
		.refine(isPlainText, { error: 'text.markup' }),
	phone: PhoneSchema.optional(),
	audit: AuditSchema,
	edits: fieldEditsSchema(HOUSEHOLD_EDITABLE_FIELDS).optional(),
	clashes: clashesSchema(HOUSEHOLD_EDITABLE_FIELDS).optional(),
	stamp: StampSchema.optional()
});
export type Household = z.infer<typeof HouseholdSchema>;

/** What a search for this household compares against: address and head, folded. */
export function householdSearchText(household: Pick<Household, 'address' | 'head_name'>): string {
	return foldVietnamese(
		`${household.address.house_number} ${household.address.street} ${household.head_name}`
	);
}
