// The live link with the population registry, as the server keeps it per ward and the
// supervisors' dashboard shows it: where the feed was last read up to (its cursor), and the
// last run (when, how many rows, what they changed, which rows were refused and why).

import { z } from 'zod';
import { TimestampSchema, WardCodeSchema } from './common';

/** The refused rows a run keeps, newest run only; the count is complete. */
export const LINK_PROBLEMS_KEPT = 20;

export const LinkProblemSchema = z.object({
	/** The cursor of the page the row came in, and the row's place in it (from 1). */
	cursor: z.string().nullable(),
	row: z.number().int().min(1),
	key: z.string(),
	params: z.record(z.string(), z.union([z.string(), z.number()])),
	reason: z.string()
});
export type LinkProblem = z.infer<typeof LinkProblemSchema>;

export const LinkRunSchema = z.object({
	started_at: TimestampSchema,
	finished_at: TimestampSchema,
	status: z.enum(['ok', 'failed']),
	/** Why a failed run stopped (the registry did not answer…); its cursor is kept. */
	message: z.string().optional(),
	pages: z.number().int().min(0),
	rows: z.number().int().min(0),
	households_created: z.number().int().min(0),
	households_updated: z.number().int().min(0),
	persons_created: z.number().int().min(0),
	persons_updated: z.number().int().min(0),
	conflicts: z.number().int().min(0),
	reviews_created: z.number().int().min(0),
	written: z.number().int().min(0),
	/** Rows refused (bad citizen ID, unknown group…): skipped, the feed goes on. */
	errors: z.number().int().min(0),
	problems: z.array(LinkProblemSchema).max(LINK_PROBLEMS_KEPT)
});
export type LinkRun = z.infer<typeof LinkRunSchema>;

/** Which app server is running the ward's link, and until when its claim holds. */
export const LinkLeaseSchema = z.object({
	holder: z.string(),
	until: TimestampSchema
});
export type LinkLease = z.infer<typeof LinkLeaseSchema>;

export const LinkStateSchema = z.object({
	type: z.literal('registry_link'),
	ward: WardCodeSchema,
	source: z.string(),
	cursor: z.string().nullable(),
	runs: z.number().int().min(0),
	last_run: LinkRunSchema.optional(),
	/** Set while a run is under way; several app servers share one schedule through it. */
	lease: LinkLeaseSchema.optional()
});
export type LinkState = z.infer<typeof LinkStateSchema>;

/** What the dashboard reads for one ward. */
export type LinkStatus = {
	ward: string;
	enabled: boolean;
	interval_minutes: number | null;
	source: string | null;
	cursor: string | null;
	last_run: LinkRun | null;
};
