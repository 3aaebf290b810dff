// The household form: what the fields hold as typed, and the record draft made from them.

import { HouseholdSchema, type FieldProblem, type Household } from '$lib/domain';
import { checkDraft, mergeProblems, missingFields, optional, type Actor } from './draft-check';

export type HouseholdForm = {
	group: string;
	house_number: string;
	street: string;
	head_name: string;
	phone: string;
};

/** Field paths as the schema names them, in the order the form shows them. */
export const HOUSEHOLD_FIELDS = [
	'group',
	'address.house_number',
	'address.street',
	'head_name',
	'phone'
] as const;

export type HouseholdDraft = Omit<Household, 'audit' | 'stamp'>;

export function emptyHouseholdForm(group: string): HouseholdForm {
	return { group, house_number: '', street: '', head_name: '', phone: '' };
}

export function householdFormOf(household: Household): HouseholdForm {
	return {
		group: household.group,
		house_number: household.address.house_number,
		street: household.address.street,
		head_name: household.head_name,
		phone: household.phone ?? ''
	};
}

export function householdDraft(form: HouseholdForm, base: { id: string; ward: string }) {
	return {
		id: base.id,
		type: 'household',
		ward: base.ward,
		group: form.group,
		address: { house_number: form.house_number.trim(), street: form.street.trim() },
		head_name: form.head_name.trim(),
		phone: optional(form.phone.replace(/[\s.]/g, ''))
	} satisfies HouseholdDraft;
}

export function checkHouseholdDraft(draft: HouseholdDraft, actor: Actor): FieldProblem[] {
	const problems = checkDraft(HouseholdSchema, draft, actor).map((problem) =>
		// The group picker offers only the user's groups; a wrong one is a choice problem.
		problem.path === 'group' ? { path: 'group', key: 'choice.invalid' as const } : problem
	);
	return mergeProblems(missingFields({ head_name: draft.head_name }), problems);
}
