// The member form: typed values, and the person draft made from them. The birth date is
// typed the way people say it and read with parseTypedDate; the CCCD is checked by the
// schema against that date and the sex.

import { PersonSchema, type FieldProblem, type Person, type Relation } from '$lib/domain';
import { checkDraft, mergeProblems, missingFields, optional, type Actor } from './draft-check';
import { readTypedDate, typedFromStored } from './typed-date';

export type PersonForm = {
	full_name: string;
	birth_date: string;
	sex: '' | Person['sex'];
	relation: '' | Relation;
	citizen_id: string;
	insurance_number: string;
	phone: string;
};

export const PERSON_FIELDS = [
	'full_name',
	'birth_date',
	'sex',
	'relation',
	'citizen_id',
	'insurance_number',
	'phone'
] as const;

/** Everything but what the person types: where the record belongs. */
export type PersonPlacement = Pick<Person, 'id' | 'ward' | 'group' | 'household'>;
/** Built from the form; loosely typed where the person's typing may still be wrong. */
export type PersonDraft = Omit<Person, 'audit' | 'stamp' | 'sex' | 'relation'> & {
	sex?: Person['sex'];
	relation?: Relation;
};

export function emptyPersonForm(prefill: Partial<PersonForm> = {}): PersonForm {
	return {
		full_name: '',
		birth_date: '',
		sex: '',
		relation: '',
		citizen_id: '',
		insurance_number: '',
		phone: '',
		...prefill
	};
}

export function personFormOf(person: Person): PersonForm {
	return {
		full_name: person.full_name,
		birth_date: typedFromStored(person.birth_date),
		sex: person.sex,
		relation: person.relation,
		citizen_id: person.citizen_id ?? '',
		insurance_number: person.insurance_number ?? '',
		phone: person.phone ?? ''
	};
}

export function personDraft(
	form: PersonForm,
	placement: PersonPlacement,
	today: Date = new Date()
): { draft: PersonDraft; problems: FieldProblem[] } {
	const problems: FieldProblem[] = missingFields({ full_name: form.full_name });
	const reading = readTypedDate(form.birth_date, today);
	let birthDate = form.birth_date.trim();
	if (reading.kind === 'problem') problems.push({ path: 'birth_date', key: reading.key });
	else if (reading.kind === 'empty') problems.push({ path: 'birth_date', key: 'required' });
	else birthDate = reading.value;
	const draft: PersonDraft = {
		...placement,
		type: 'person',
		full_name: form.full_name,
		birth_date: birthDate,
		sex: form.sex || undefined,
		relation: form.relation || undefined,
		citizen_id: optional(form.citizen_id),
		insurance_number: optional(form.insurance_number),
		phone: optional(form.phone.replace(/[\s.]/g, ''))
	};
	return { draft, problems };
}

/** Every problem of the form at once: its own reading of the date, then the schema's. */
export function checkPersonForm(
	form: PersonForm,
	placement: PersonPlacement,
	actor: Actor,
	today: Date = new Date()
): { draft: PersonDraft; problems: FieldProblem[] } {
	const { draft, problems } = personDraft(form, placement, today);
	return {
		draft,
		problems: mergeProblems(problems, checkDraft(PersonSchema, draft, actor, today))
	};
}
