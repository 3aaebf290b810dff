// Erasing a household at its request (Personal Data Protection Law 91/2025/QH15, Decree
// 356/2025/ND-CP): the request a resident makes, and the erasure record ward staff leave when
// they carry it out. Both hold ids, codes and times only, never a name or a health value, so
// keeping them for ever keeps no personal health data. The erasure record is what stops a
// device that was offline from bringing the household back (docs/decisions/erasure.md).

import { z } from 'zod';
import { TimestampSchema, UsernameSchema, WardCodeSchema, GroupCodeSchema } from './common';
import { isRecordId } from './ids';

const HouseholdIdSchema = z.string().refine((id) => isRecordId(id, 'household'), {
	error: 'id.invalid'
});

export const ERASURE_METHODS = ['purge', 'delete_compact'] as const;
export type ErasureMethod = (typeof ERASURE_METHODS)[number];

/** `erasure:<household id>` in the ward database: server only, never replicated as a record. */
export const ErasureSchema = z.object({
	type: z.literal('erasure'),
	ward: WardCodeSchema,
	group: GroupCodeSchema,
	household: HouseholdIdSchema,
	/** Every record id removed: the household's, its people's and their declarations'. */
	records: z.array(z.string()),
	erased_at: TimestampSchema,
	erased_by: UsernameSchema,
	method: z.enum(ERASURE_METHODS),
	/** When the household asked, if it asked through the app. */
	requested_at: TimestampSchema.optional()
});
export type Erasure = z.infer<typeof ErasureSchema>;

export const ERASURE_REQUEST_STATES = ['open', 'done'] as const;

/** `erasure_request:<household id>` in the ward database: one open request per household. */
export const ErasureRequestSchema = z.object({
	type: z.literal('erasure_request'),
	ward: WardCodeSchema,
	group: GroupCodeSchema,
	household: HouseholdIdSchema,
	requested_at: TimestampSchema,
	/** The resident account (one phone of the household) that asked. */
	requested_by: UsernameSchema,
	device_id: z.string().optional(),
	state: z.enum(ERASURE_REQUEST_STATES),
	done_at: TimestampSchema.optional(),
	done_by: UsernameSchema.optional()
});
export type ErasureRequest = z.infer<typeof ErasureRequestSchema>;

export function erasureIdOf(household: string): string {
	return `erasure:${household}`;
}

export function erasureRequestIdOf(household: string): string {
	return `erasure_request:${household}`;
}

/** The household a ward record belongs to, by its id (a household) or its `household` field. */
export function householdNamedBy(id: string, body: { household?: unknown } | null): string | null {
	if (isRecordId(id, 'household')) return id;
	const household = body?.household;
	return typeof household === 'string' && isRecordId(household, 'household') ? household : null;
}

/** What a device is told of an erasure: ids only, so it drops what it holds of them. */
export type ErasureNotice = Pick<Erasure, 'household' | 'records' | 'erased_at'>;
