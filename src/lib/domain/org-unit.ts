// The administrative tree. Only org units know their ancestors (`path`); records name their
// ward and group alone, so the 2025 reform's re-parenting touches these documents only.

import { z } from 'zod';
import { isPlainText, optionalText } from './common';
import { GROUP_CODE } from './ids';

export const ORG_LEVELS = ['city', 'district', 'ward', 'group'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export const CADENCES_MONTHS = [3, 6] as const;
export const ORG_NAME_MAX = 120;

export const OrgUnitSchema = z.object({
	code: z.string().regex(/^\d{2,5}(-\d{2,3})?$/, { error: 'code.invalid' }),
	type: z.literal('org_unit', { error: 'doc.type' }),
	level: z.enum(ORG_LEVELS, { error: 'choice.invalid' }),
	name: z
		.string()
		.trim()
		.min(1, { error: 'required' })
		.max(ORG_NAME_MAX, { error: 'text.too_long' })
		.refine(isPlainText, { error: 'text.markup' }),
	parent: z.string().nullable(),
	path: z.array(z.string()),
	cadence_months: z.union([z.literal(3), z.literal(6)], { error: 'cadence.invalid' }),
	hotline: optionalText(20),
	/** Set when the unit was merged into another (a ward into the new ward, a group into the
	 * new ward's group): it stays in the tree for history but no longer counts anywhere. */
	merged_into: z.string().optional(),
	merged_at: z.string().optional(),
	/** On a unit made by merging others: the codes it took over (history, never counted). */
	merged_from: z.array(z.string()).optional()
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

export function orgUnitDocId(code: string): string {
	return `org:${code}`;
}

/** A unit that counts: not merged into another. Roll-ups skip every unit this says false of. */
export function isLiveUnit(unit: Pick<OrgUnit, 'merged_into'>): boolean {
	return unit.merged_into === undefined;
}

/** The official code lengths: province/city 2 digits, district 3, ward/commune 5; a group
 * has no official code and is `<ward>-<nn>`. */
const CODE_BY_LEVEL: Record<OrgLevel, RegExp> = {
	city: /^\d{2}$/,
	district: /^\d{3}$/,
	ward: /^\d{5}$/,
	group: GROUP_CODE
};

export function codeFitsLevel(code: string, level: OrgLevel): boolean {
	return CODE_BY_LEVEL[level].test(code);
}

/** What a unit may sit under: the district level is optional (gone since 2025), so a ward
 * sits under a district or straight under the city; a city is a root. */
export const PARENT_LEVELS: Record<OrgLevel, readonly OrgLevel[]> = {
	city: [],
	district: ['city'],
	ward: ['city', 'district'],
	group: ['ward']
};

export function canSitUnder(level: OrgLevel, parentLevel: OrgLevel | null): boolean {
	return parentLevel === null ? level === 'city' : PARENT_LEVELS[level].includes(parentLevel);
}
