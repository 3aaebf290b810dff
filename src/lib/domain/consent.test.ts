import { describe, expect, it } from 'vitest';
import {
	ConsentTextSchema,
	consentProblemOf,
	consentTextDocId,
	ConsentWordingInputSchema,
	type Consent
} from './consent';
import { problemsOf } from './records';

const VI =
	'Hộ gia đình đồng ý để trạm y tế phường lưu chiều cao, cân nặng và huyết áp của các thành viên.';
const EN =
	"The household agrees that the ward health station keeps its members' height, weight and blood pressure.";

const oral: Consent = {
	text_version: 0,
	given_at: '2026-12-01T02:00:00.000Z',
	given_by: 'person:00000000-0000-4000-8000-000000000001',
	mode: 'oral',
	recorded_by: 'ctv-demo',
	device_id: 'phone-0001'
};

describe('consentProblemOf', () => {
	const atTheDoor = {
		role: 'collaborator' as const,
		declared_by: 'ctv-demo',
		consent: oral
	};

	it('asks for consent on a declaration without one', () => {
		expect(consentProblemOf({ ...atTheDoor, consent: undefined })).toEqual({
			path: 'consent',
			key: 'consent.missing'
		});
	});

	it('lets a collaborator record consent heard aloud or signed on paper, not ticked', () => {
		expect(consentProblemOf(atTheDoor)).toBeNull();
		expect(consentProblemOf({ ...atTheDoor, consent: { ...oral, mode: 'paper' } })).toBeNull();
		expect(consentProblemOf({ ...atTheDoor, consent: { ...oral, mode: 'in_app' } })?.key).toBe(
			'consent.mode_role'
		);
	});

	it("lets the household's phone tick it, and carry what a collaborator recorded before", () => {
		const ticked = { ...oral, mode: 'in_app' as const, recorded_by: 'hh-0001' };
		const atHome = { role: 'resident' as const, declared_by: 'hh-0001' };
		expect(consentProblemOf({ ...atHome, consent: ticked })).toBeNull();
		expect(consentProblemOf({ ...atHome, consent: { ...ticked, mode: 'oral' } })?.key).toBe(
			'consent.mode_role'
		);
		expect(consentProblemOf({ ...atHome, consent: oral })).toBeNull();
	});
});

describe('the ward consent text', () => {
	it('takes the wording only: a body naming a ward is refused with its own reason', () => {
		expect(ConsentWordingInputSchema.safeParse({ vi: VI, en: EN }).success).toBe(true);
		const named = ConsentWordingInputSchema.safeParse({ ward: '26734', vi: VI, en: EN });
		expect(named.success).toBe(false);
		if (!named.success) {
			expect(problemsOf(named.error).map((problem) => problem.key)).toEqual([
				'consent_text.wording_only'
			]);
		}
	});

	it('refuses text too short, too long or with markup, saying which', () => {
		const keyOf = (body: unknown) => {
			const parsed = ConsentWordingInputSchema.safeParse(body);
			return parsed.success ? null : problemsOf(parsed.error)[0]?.key;
		};
		expect(keyOf({ vi: 'Đồng ý', en: EN })).toBe('consent_text.too_short');
		expect(keyOf({ vi: VI, en: 'x'.repeat(3001) })).toBe('text.too_long');
		expect(keyOf({ vi: `${VI} <b>`, en: EN })).toBe('text.markup');
		expect(keyOf({ en: EN })).toBe('required');
	});

	it('numbers its documents so that newest first is a descending read', () => {
		expect(consentTextDocId('26956', 7)).toBe('consent_text:26956:000007');
		expect(consentTextDocId('26956', 12) > consentTextDocId('26956', 9)).toBe(true);
		const stored = {
			_id: consentTextDocId('26956', 1),
			_rev: '1-abc',
			type: 'consent_text',
			ward: '26956',
			version: 1,
			vi: VI,
			en: EN,
			created_at: '2026-12-01T02:00:00.000Z',
			created_by: 'ward-demo'
		};
		expect(ConsentTextSchema.safeParse(stored).success).toBe(true);
	});
});
