// What a device reports about its own sync, so supervisors can see who is behind. One
// record per device and user: people sharing a phone each have their own local database,
// so each reports their own.

import { z } from 'zod';
import {
	DeviceIdSchema,
	PlacementSchema,
	StampSchema,
	TimestampSchema,
	UsernameSchema
} from './common';

export function deviceStatusId(deviceId: string, user: string): string {
	return `device_status:${deviceId}:${user}`;
}

export const DeviceStatusSchema = z
	.object({
		id: z.string().regex(/^device_status:[A-Za-z0-9-]{8,64}:[a-z0-9][a-z0-9._-]{1,39}$/, {
			error: 'id.invalid'
		}),
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
	})
	.superRefine((status, context) => {
		if (status.id !== deviceStatusId(status.device_id, status.user)) {
			context.addIssue({ code: 'custom', message: 'id.invalid', path: ['id'] });
		}
	});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;
