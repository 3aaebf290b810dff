import { describe, expect, it } from 'vitest';
import { checkConsentChoice, emptyConsentChoice } from './consent-form';

const PERSON = 'person:1f8c1c7e-1b2a-4c3d-9e8f-001122334455';

describe('the consent part of a first declaration', () => {
	it('asks the household to tick it, and records it as given on its phone', () => {
		const unticked = checkConsentChoice(emptyConsentChoice(PERSON), 'resident', 3);
		expect(unticked).toEqual({
			draft: null,
			problems: [{ path: 'consent_agreed', key: 'consent.missing' }]
		});
		const ticked = checkConsentChoice(
			{ ...emptyConsentChoice(PERSON), agreed: true },
			'resident',
			3
		);
		expect(ticked.draft).toEqual({ given_by: PERSON, mode: 'in_app', text_version: 3 });
	});

	it('asks a collaborator who agreed and how, every problem at once', () => {
		const blank = checkConsentChoice(emptyConsentChoice(''), 'collaborator', 0);
		expect(blank.problems.map((problem) => problem.key)).toEqual([
			'consent.given_by',
			'consent.mode_required',
			'consent.missing'
		]);
		const paper = checkConsentChoice(
			{ agreed: true, mode: 'paper', given_by: PERSON },
			'collaborator',
			0
		);
		expect(paper.draft).toEqual({ given_by: PERSON, mode: 'paper', text_version: 0 });
	});
});
