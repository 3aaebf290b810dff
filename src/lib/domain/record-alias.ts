// Where a household or person id lives on: a registry key matched to a record made in the
// field (the registry's id was never written), or a person merged into another by ward
// staff (the id was deleted). Kept by the server only, in the ward database, so a later
// import, or a device still naming the old id, finds the record that stands for it.

import { z } from 'zod';
import { TimestampSchema, UsernameSchema, WardCodeSchema } from './common';
import { isRecordId } from './ids';

export const ALIAS_REASONS = ['registry_match', 'merge'] as const;

const RecordIdSchema = z
	.string()
	.refine((id) => isRecordId(id, 'household') || isRecordId(id, 'person'), { error: 'id.invalid' });

export const RecordAliasSchema = z.object({
	type: z.literal('record_alias'),
	ward: WardCodeSchema,
	from: RecordIdSchema,
	to: RecordIdSchema,
	reason: z.enum(ALIAS_REASONS),
	at: TimestampSchema,
	by: UsernameSchema
});
export type RecordAlias = z.infer<typeof RecordAliasSchema>;

/** Follows aliases to the id that stands now (a merge of a merge included, loops cut). */
export function resolveAlias(id: string, aliases: ReadonlyMap<string, string>): string {
	let current = id;
	const seen = new Set<string>([id]);
	for (;;) {
		const next = aliases.get(current);
		if (next === undefined || seen.has(next)) return current;
		seen.add(next);
		current = next;
	}
}
