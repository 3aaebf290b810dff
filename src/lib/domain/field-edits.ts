// What a household or person carries so that two offline edits of it merge field by field
// (see docs/decisions/merging-edits.md): one version per edited field, and the clashes that
// ward staff still have to confirm. Both are plain data, checked here like any other field,
// so the device database, the wire and the gateway hold them the same way.

import { z } from 'zod';
import { DeviceIdSchema, TimestampSchema, UsernameSchema } from './common';

/** The clashes a record keeps: the latest ones, so a record never grows without bound. */
export const MAX_CLASHES = 10;
/** A clashing value is one field's value: the longest editable field is 120 characters. */
const CLASH_VALUE_MAX_LENGTH = 200;

/**
 * One field's version: `n` counts the edits of that field the writer had seen plus its own
 * (a Lamport clock per field), so an edit made after seeing another is always higher and
 * two edits made from the same state tie on `n` and are ordered by `device_id`.
 */
export const FieldEditSchema = z.object({
	n: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
	device_id: DeviceIdSchema,
	by: UsernameSchema,
	at: TimestampSchema
});
export type FieldEdit = z.infer<typeof FieldEditSchema>;

/** The versions of the edited fields of a record (`address.street`, `phone`…), one each. */
export function fieldEditsSchema<F extends readonly [string, ...string[]]>(fields: F) {
	return z
		.array(FieldEditSchema.extend({ field: z.enum(fields) }))
		.max(fields.length)
		.refine((edits) => new Set(edits.map((edit) => edit.field)).size === edits.length, {
			error: 'doc.invalid'
		});
}

/** Which of a clash's two values ward staff confirmed, with the version their choice wrote. */
export const ClashSettlementSchema = FieldEditSchema.extend({
	choice: z.enum(['kept', 'lost'])
});
export type ClashSettlement = z.infer<typeof ClashSettlementSchema>;

/**
 * Two devices changed the same field from the same state: `kept` is the value the record
 * holds (the higher version), `lost` the other, each with who changed it and when.
 * An absent value (a phone number taken out) is `null`. `settled` once ward staff confirmed
 * one of them (src/lib/domain/clash-settle.ts).
 */
export function clashesSchema<F extends readonly [string, ...string[]]>(fields: F) {
	const value = z.string().max(CLASH_VALUE_MAX_LENGTH).nullable();
	return z
		.array(
			z.object({
				field: z.enum(fields),
				kept: value,
				lost: value,
				kept_edit: FieldEditSchema,
				lost_edit: FieldEditSchema,
				settled: ClashSettlementSchema.optional()
			})
		)
		.max(MAX_CLASHES);
}

export type FieldEditOf<F extends string> = FieldEdit & { field: F };
export type ClashOf<F extends string> = {
	field: F;
	kept: string | null;
	lost: string | null;
	kept_edit: FieldEdit;
	lost_edit: FieldEdit;
	settled?: ClashSettlement;
};

/** Names one clash of a record (its lost edit): the same on every replica. */
export function clashKeyOf<F extends string>(
	clash: Pick<ClashOf<F>, 'field' | 'lost_edit'>
): string {
	const edit = clash.lost_edit;
	return [clash.field, edit.n, edit.device_id, edit.at, edit.by].join('|');
}
