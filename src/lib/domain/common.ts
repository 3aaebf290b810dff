// Fields every synced record shares: where it belongs (ward and group only, never the units
// above, so re-parenting a ward rewrites nothing) and who touched it.

import { z } from 'zod';
import { GROUP_CODE, WARD_CODE } from './ids';

export const MAX_TEXT = 500;

export const TimestampSchema = z.iso.datetime({ offset: true, error: 'datetime.invalid' });

export const WardCodeSchema = z.string().regex(WARD_CODE, { error: 'code.invalid' });
export const GroupCodeSchema = z.string().regex(GROUP_CODE, { error: 'code.invalid' });
export const UsernameSchema = z
	.string()
	.regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, { error: 'id.invalid' });
export const DeviceIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'id.invalid' });

/** Markup in a name or an address: every screen escapes it, but sheets, CSV files and other
 * readers of the data need not, so a name never holds it. */
const MARKUP = /[<>]/;

export function isPlainText(text: string): boolean {
	return !MARKUP.test(text);
}

/** Optional free text: trimmed, bounded; empty means not given. */
export function optionalText(max: number = MAX_TEXT) {
	return z.string().trim().max(max, { error: 'text.too_long' }).optional();
}

/** Written by the device; its clock is recorded, never trusted for ordering. */
export const AuditSchema = z.object({
	created_at: TimestampSchema,
	created_by: UsernameSchema,
	updated_at: TimestampSchema,
	updated_by: UsernameSchema,
	device_id: DeviceIdSchema
});
export type Audit = z.infer<typeof AuditSchema>;

/** Written by the gateway on every accepted write, with the server's clock. */
export const StampSchema = z.object({
	by: UsernameSchema,
	at: TimestampSchema,
	device_id: DeviceIdSchema.optional()
});
export type Stamp = z.infer<typeof StampSchema>;

export const PlacementSchema = z.object({
	ward: WardCodeSchema,
	group: GroupCodeSchema
});

export const PhoneSchema = z.string().regex(/^0\d{9}$/, { error: 'phone.format' });
