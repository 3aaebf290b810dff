// One entry of a ward's review list: two person records that may be the same person, for
// ward staff to merge or keep apart. Found by the registry import (near matches in a
// household) or by the gateway when a device sends a person whose citizen ID, or folded
// name and birth date, the ward already holds. Kept by the server only, in the ward
// database, one per pair (`review_item:<uuid of the two ids>`), so the same pair is never
// listed twice and a decision stays made.

import { z } from 'zod';
import { TimestampSchema, UsernameSchema, WardCodeSchema } from './common';
import { isRecordId } from './ids';
import { NEAR_KINDS } from './person-identity';

/** How the two look alike: a near match, or the same citizen ID, or the same folded name
 * and birth date in two records (a duplicate made in the field). */
export const REVIEW_KINDS = [...NEAR_KINDS, 'same_citizen_id', 'same_name_birth'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_SOURCES = ['registry_import', 'sync'] as const;
export const REVIEW_STATES = ['open', 'merged', 'kept_apart'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

const PersonIdSchema = z.string().refine((id) => isRecordId(id, 'person'), { error: 'id.invalid' });

export const ReviewItemSchema = z.object({
	type: z.literal('review_item'),
	ward: WardCodeSchema,
	persons: z.tuple([PersonIdSchema, PersonIdSchema]),
	kinds: z.array(z.enum(REVIEW_KINDS)).min(1).max(REVIEW_KINDS.length),
	source: z.enum(REVIEW_SOURCES),
	found_at: TimestampSchema,
	found_by: UsernameSchema,
	state: z.enum(REVIEW_STATES),
	decided_at: TimestampSchema.optional(),
	decided_by: UsernameSchema.optional(),
	/** After a merge: the record kept, the one merged into it, its declarations moved. */
	kept: PersonIdSchema.optional(),
	merged: PersonIdSchema.optional(),
	declarations_moved: z.number().int().min(0).optional()
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;
