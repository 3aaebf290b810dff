// The consent part of a household's first declaration: the household ticks it on its own
// phone; a collaborator reads the text aloud, then notes who agreed and how. Checked before
// anything is written, with the same keys the device's write helper and the gateway use.

import type { ConsentDraft } from '$lib/db';
import type { ConsentText, FieldProblem } from '$lib/domain';

/** Asked on the household's first declaration: the text to show and who may agree. */
export type ConsentAsked = {
	text: ConsentText;
	members: readonly { id: string; full_name: string }[];
};

export type ConsentChoice = {
	agreed: boolean;
	mode: '' | 'oral' | 'paper';
	given_by: string;
};

/** Where the consent's problems show on the form, in its order. */
export const CONSENT_FIELDS = ['consent_given_by', 'consent_mode', 'consent_agreed'] as const;

export const CONSENT_ALIASES: Readonly<Record<string, string>> = {
	consent: 'consent_agreed',
	'consent.mode': 'consent_mode',
	'consent.given_by': 'consent_given_by'
};

export function emptyConsentChoice(givenBy: string): ConsentChoice {
	return { agreed: false, mode: '', given_by: givenBy };
}

export function checkConsentChoice(
	choice: ConsentChoice,
	role: 'resident' | 'collaborator',
	textVersion: number
): { draft: ConsentDraft | null; problems: FieldProblem[] } {
	const problems: FieldProblem[] = [];
	if (!choice.given_by) problems.push({ path: 'consent_given_by', key: 'consent.given_by' });
	if (role === 'collaborator' && choice.mode === '') {
		problems.push({ path: 'consent_mode', key: 'consent.mode_required' });
	}
	if (!choice.agreed) problems.push({ path: 'consent_agreed', key: 'consent.missing' });
	if (problems.length > 0) return { draft: null, problems };
	const mode = role === 'resident' ? 'in_app' : choice.mode || 'oral';
	return { draft: { given_by: choice.given_by, mode, text_version: textVersion }, problems };
}
