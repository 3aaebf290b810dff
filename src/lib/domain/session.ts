// Who is signed in and what they may reach: shared by the server that decides it and the
// device that keeps it for signing in offline.

import { z } from 'zod';
import { UsernameSchema } from './common';

export const ROLES = [
	'collaborator',
	'ward_staff',
	'district_supervisor',
	'city_supervisor',
	'admin',
	/** A household's phone, claimed with its QR code: no password, the household alone. */
	'resident'
] as const;
export type Role = (typeof ROLES)[number];

/** A household phone's account: `r-` and 24 hex digits (see the server's claim). */
export const RESIDENT_USERNAME = /^r-[0-9a-f]{24}$/;

export const SessionUserSchema = z.object({
	username: UsernameSchema,
	display_name: z.string(),
	role: z.enum(ROLES),
	/** The group codes of a collaborator, the ward of ward staff, the unit of a supervisor. */
	org_units: z.array(z.string()),
	/** The ward whose database this user's device syncs, when there is one. */
	ward: z
		.object({
			code: z.string(),
			name: z.string(),
			database: z.string(),
			cadence_months: z.number(),
			hotline: z.string().optional()
		})
		.nullable(),
	groups: z.array(z.object({ code: z.string(), name: z.string() })),
	/** A resident's household: the one record set their phone reaches. */
	household: z.string().optional()
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const SignInSchema = z.object({
	username: z.string().trim().toLowerCase().min(1, { error: 'required' }),
	password: z.string().min(1, { error: 'required' }),
	device_id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'id.invalid' })
});
