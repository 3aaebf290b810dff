// The declaration form: measurements typed on a phone keypad (a decimal comma is as good as
// a point), blood pressure as its two numbers (a phone's number pad has no "/", though
// "120/80" typed into the first is read as both), and the choices of the Ministry of Health's
// personal record. A declaration is append-only, so this only ever builds a new one.

import {
	ageOn,
	ALCOHOL,
	BLOOD_GROUPS,
	checkDeclarationForPerson,
	CHRONIC_CONDITIONS,
	DeclarationSchema,
	parseBloodPressure,
	SMOKING,
	type Declaration,
	type FieldProblem,
	type Health,
	type MessageKey,
	type Person
} from '$lib/domain';
import { checkDraft, mergeProblems, optional, type Actor } from './draft-check';

type BloodGroup = (typeof BLOOD_GROUPS)[number];
type ChronicCondition = (typeof CHRONIC_CONDITIONS)[number];
type Smoking = (typeof SMOKING)[number];
type Alcohol = (typeof ALCOHOL)[number];

export type DeclarationForm = {
	height_cm: string;
	weight_kg: string;
	systolic: string;
	diastolic: string;
	pulse: string;
	blood_group: '' | BloodGroup;
	chronic_conditions: ChronicCondition[];
	smoking: '' | Smoking;
	alcohol: '' | Alcohol;
	pregnant: '' | 'yes' | 'no';
	allergies: string;
	disabilities: string;
	vaccinations: string;
	notes: string;
};

/** Field paths, as the schema names them under `health`. */
export const DECLARATION_FIELDS = [
	'height_cm',
	'weight_kg',
	'systolic',
	'diastolic',
	'pulse',
	'blood_group',
	'chronic_conditions',
	'smoking',
	'alcohol',
	'pregnant',
	'allergies',
	'disabilities',
	'vaccinations',
	'notes'
] as const;

/** Where the schema's paths show on this form. */
export const DECLARATION_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
	DECLARATION_FIELDS.map((field) => [`health.${field}`, field])
);

/** Pregnancy is asked of women of these ages only. */
export const PREGNANCY_AGE = { min: 10, max: 55 } as const;

export function asksPregnancy(person: Pick<Person, 'sex' | 'birth_date'>, today = new Date()) {
	const age = ageOn(person.birth_date, today);
	return person.sex === 'female' && age >= PREGNANCY_AGE.min && age <= PREGNANCY_AGE.max;
}

export function emptyDeclarationForm(): DeclarationForm {
	return {
		height_cm: '',
		weight_kg: '',
		systolic: '',
		diastolic: '',
		pulse: '',
		blood_group: '',
		chronic_conditions: [],
		smoking: '',
		alcohol: '',
		pregnant: '',
		allergies: '',
		disabilities: '',
		vaccinations: '',
		notes: ''
	};
}

/**
 * A new form that carries over what rarely changes from the last declaration (blood group,
 * conditions, habits, allergies, disabilities, vaccinations); measurements are taken afresh.
 */
export function declarationFormAfter(previous: Health | undefined): DeclarationForm {
	const form = emptyDeclarationForm();
	if (!previous) return form;
	return {
		...form,
		blood_group: previous.blood_group ?? '',
		chronic_conditions: [...(previous.chronic_conditions ?? [])],
		smoking: previous.smoking ?? '',
		alcohol: previous.alcohol ?? '',
		allergies: previous.allergies ?? '',
		disabilities: previous.disabilities ?? '',
		vaccinations: previous.vaccinations ?? ''
	};
}

export type NumberReading =
	{ ok: true; value: number | undefined } | { ok: false; key: MessageKey };

/** "1,5", "1.5", " 72 " → a number; "" → not given; anything else is not a number. */
export function readNumber(text: string): NumberReading {
	const trimmed = text.trim().replace(',', '.');
	if (trimmed === '') return { ok: true, value: undefined };
	if (!/^\d{1,4}(\.\d{1,2})?$/.test(trimmed)) return { ok: false, key: 'number.invalid' };
	return { ok: true, value: Number(trimmed) };
}

export type DeclarationPlacement = Pick<
	Declaration,
	| 'id'
	| 'ward'
	| 'group'
	| 'person'
	| 'household'
	| 'declared_at'
	| 'declared_by'
	| 'role'
	| 'channel'
>;
export type DeclarationDraft = Omit<Declaration, 'audit' | 'stamp'>;

export function declarationDraft(
	form: DeclarationForm,
	placement: DeclarationPlacement,
	person: Pick<Person, 'sex' | 'birth_date'>,
	today: Date = new Date()
): { draft: DeclarationDraft; problems: FieldProblem[] } {
	const problems: FieldProblem[] = [];
	const numberOf = (field: 'height_cm' | 'weight_kg' | 'pulse' | 'systolic' | 'diastolic') => {
		const reading = readNumber(form[field]);
		if (reading.ok) return reading.value;
		problems.push({ path: field, key: reading.key });
		return undefined;
	};
	const height_cm = numberOf('height_cm');
	const weight_kg = numberOf('weight_kg');
	const pulse = numberOf('pulse');
	let pressure: { systolic?: number; diastolic?: number };
	if (/\d\s*[/\-\s]\s*\d/.test(form.systolic.trim()) && form.diastolic.trim() === '') {
		const both = parseBloodPressure(form.systolic);
		if (!both.ok) problems.push({ path: 'systolic', key: both.error });
		pressure = both.ok ? both.value : {};
	} else {
		pressure = { systolic: numberOf('systolic'), diastolic: numberOf('diastolic') };
	}
	const asked = asksPregnancy(person, today);
	const health: Health = {
		height_cm,
		weight_kg,
		...pressure,
		pulse,
		blood_group: form.blood_group || undefined,
		chronic_conditions: form.chronic_conditions.length ? [...form.chronic_conditions] : undefined,
		smoking: form.smoking || undefined,
		alcohol: form.alcohol || undefined,
		pregnant: asked && form.pregnant ? form.pregnant === 'yes' : undefined,
		allergies: optional(form.allergies),
		disabilities: optional(form.disabilities),
		vaccinations: optional(form.vaccinations),
		notes: optional(form.notes)
	};
	// Absent keys, not keys holding undefined: the record must look the same after a sync.
	for (const key of Object.keys(health) as (keyof Health)[]) {
		if (health[key] === undefined) delete health[key];
	}
	const draft: DeclarationDraft = { ...placement, type: 'declaration', health };
	const forPerson = checkDeclarationForPerson(draft, person);
	if (forPerson) problems.push({ path: 'pregnant', key: forPerson });
	return { draft, problems };
}

/** Every problem at once: the form's readings first, then the schema's, on the form's fields. */
export function checkDeclarationForm(
	form: DeclarationForm,
	placement: DeclarationPlacement,
	person: Pick<Person, 'sex' | 'birth_date'>,
	actor: Actor,
	today: Date = new Date()
): { draft: DeclarationDraft; problems: FieldProblem[] } {
	const { draft, problems } = declarationDraft(form, placement, person, today);
	const schemaProblems = checkDraft(DeclarationSchema, draft, actor, today)
		.map((problem) => ({ ...problem, path: DECLARATION_ALIASES[problem.path] ?? problem.path }))
		// A value the form could not read is left out of the draft; "enter something" would
		// then be wrong as well as redundant.
		.filter((problem) => !(problems.length > 0 && problem.key === 'declaration.empty'));
	return { draft, problems: mergeProblems(problems, schemaProblems) };
}
