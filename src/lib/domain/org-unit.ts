// The administrative tree. Only org units know their ancestors (`path`); records name their
// ward and group alone, so the 2025 reform's re-parenting touches these documents only.

import { z } from 'zod';
import { optionalText } from './common';

export const ORG_LEVELS = ['city', 'district', 'ward', 'group'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export const CADENCES_MONTHS = [3, 6] as const;

export const OrgUnitSchema = z.object({
	code: z.string().regex(/^\d{2,5}(-\d{2,3})?$/, { error: 'code.invalid' }),
	type: z.literal('org_unit', { error: 'doc.type' }),
	level: z.enum(ORG_LEVELS, { error: 'choice.invalid' }),
	name: z.string().trim().min(1, { error: 'required' }).max(120, { error: 'text.too_long' }),
	parent: z.string().nullable(),
	path: z.array(z.string()),
	cadence_months: z.union([z.literal(3), z.literal(6)], { error: 'cadence.invalid' }),
	hotline: optionalText(20)
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

export function orgUnitDocId(code: string): string {
	return `org:${code}`;
}
