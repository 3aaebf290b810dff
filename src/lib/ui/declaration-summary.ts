// A declaration as the lines a person reads in the history: only what was declared, each
// with its unit or its choice in words.

import type { Declaration, Language } from '$lib/domain';
import type { UiKey } from '$lib/i18n/dictionary';
import { translate } from '$lib/i18n/translate';

export type SummaryLine = { label: string; value: string };

function decimal(value: number, language: Language): string {
	return value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
}

export function summarizeDeclaration(
	declaration: Pick<Declaration, 'health'>,
	language: Language
): SummaryLine[] {
	const say = (key: UiKey) => translate(key, language);
	const health = declaration.health;
	const lines: SummaryLine[] = [];
	const add = (key: UiKey, value: string | undefined) => {
		if (value !== undefined && value !== '') lines.push({ label: say(key), value });
	};
	add(
		'field.height_cm',
		health.height_cm === undefined ? undefined : decimal(health.height_cm, language)
	);
	add(
		'field.weight_kg',
		health.weight_kg === undefined ? undefined : decimal(health.weight_kg, language)
	);
	add(
		'field.blood_pressure',
		health.systolic === undefined || health.diastolic === undefined
			? undefined
			: `${health.systolic}/${health.diastolic}`
	);
	add('field.pulse', health.pulse === undefined ? undefined : decimal(health.pulse, language));
	add(
		'field.blood_group',
		health.blood_group === 'unknown' ? say('blood_group.unknown') : health.blood_group
	);
	add(
		'declaration.conditions',
		health.chronic_conditions?.map((condition) => say(`chronic.${condition}`)).join(', ')
	);
	add('field.smoking', health.smoking && say(`smoking.${health.smoking}`));
	add('field.alcohol', health.alcohol && say(`alcohol.${health.alcohol}`));
	add(
		'field.pregnant',
		health.pregnant === undefined ? undefined : say(health.pregnant ? 'yes' : 'no')
	);
	add('field.allergies', health.allergies);
	add('field.disabilities', health.disabilities);
	add('field.vaccinations', health.vaccinations);
	add('field.notes', health.notes);
	return lines;
}
