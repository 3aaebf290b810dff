// What a device reports about its own sync, so supervisors can see who is behind.

import { z } from 'zod';
import {
	DeviceIdSchema,
	PlacementSchema,
	StampSchema,
	TimestampSchema,
	UsernameSchema
} from './common';

export const DeviceStatusSchema = z.object({
	id: z.string().regex(/^device_status:[A-Za-z0-9-]{8,64}$/, { error: 'id.invalid' }),
	type: z.literal('device_status', { error: 'doc.type' }),
	ward: PlacementSchema.shape.ward,
	device_id: DeviceIdSchema,
	user: UsernameSchema,
	app_version: z.string().max(40, { error: 'text.too_long' }),
	last_push_at: TimestampSchema.optional(),
	last_pull_at: TimestampSchema.optional(),
	waiting: z.number().int().min(0),
	last_error: z.string().max(500, { error: 'text.too_long' }).optional(),
	updated_at: TimestampSchema,
	stamp: StampSchema.optional()
});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;
