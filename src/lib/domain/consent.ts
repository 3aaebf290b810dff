// Consent to collect a household's basic health data (Personal Data Protection Law
// 91/2025/QH15, Decree 356/2025/ND-CP: explicit and recorded). It travels inside the
// declaration, because the first one is often made offline: door to door, or on a phone that
// claimed its household and then lost coverage. Later declarations of the household carry the
// same consent again, so each stored declaration says under which text it was collected
// (docs/decisions/consent.md).

import { z } from 'zod';
import {
	DeviceIdSchema,
	TimestampSchema,
	UsernameSchema,
	WardCodeSchema,
	isPlainText
} from './common';
import { isRecordId } from './ids';
import type { FieldProblem } from './records';

/** On the household's own phone; said aloud to a collaborator; signed on the paper form. */
export const CONSENT_MODES = ['in_app', 'oral', 'paper'] as const;
export type ConsentMode = (typeof CONSENT_MODES)[number];

export const ConsentSchema = z.object({
	/** The version of the ward's text that was shown or read out; 0 is the standard text. */
	text_version: z
		.number({ error: 'consent.invalid' })
		.int({ error: 'consent.invalid' })
		.min(0, { error: 'consent.invalid' })
		.max(999_999, { error: 'consent.invalid' }),
	given_at: TimestampSchema,
	/** The member of the household who agreed. */
	given_by: z.string().refine((id) => isRecordId(id, 'person'), { error: 'consent.given_by' }),
	mode: z.enum(CONSENT_MODES, { error: 'consent.invalid' }),
	/** Who recorded it: the household's own account, or the collaborator. */
	recorded_by: UsernameSchema,
	device_id: DeviceIdSchema
});
export type Consent = z.infer<typeof ConsentSchema>;

type ConsentBearer = {
	role: 'resident' | 'collaborator';
	declared_by: string;
	consent?: Consent;
};

/**
 * The consent rule for a new declaration, on the device and in the gateway alike: it carries
 * consent, and a consent recorded along with it (by the same user) is of the kind that user
 * can take: the household agrees on its own phone, a collaborator hears it aloud or sees the
 * paper signed. The two times are not compared: a consent reused from a declaration made
 * while the phone's clock ran ahead would look given after a later one.
 */
export function consentProblemOf(declaration: ConsentBearer): FieldProblem | null {
	const { consent } = declaration;
	if (!consent) return { path: 'consent', key: 'consent.missing' };
	if (consent.recorded_by === declaration.declared_by) {
		const isInApp = consent.mode === 'in_app';
		if (isInApp !== (declaration.role === 'resident')) {
			return { path: 'consent.mode', key: 'consent.mode_role' };
		}
	}
	return null;
}

export const CONSENT_TEXT_MIN = 40;
export const CONSENT_TEXT_MAX = 3000;

function consentWording() {
	return z
		.string({ error: 'required' })
		.trim()
		.min(CONSENT_TEXT_MIN, { error: 'consent_text.too_short' })
		.max(CONSENT_TEXT_MAX, { error: 'text.too_long' })
		.refine(isPlainText, { error: 'text.markup' });
}

/** What ward staff write: the text in both languages. */
export const ConsentWordingSchema = z.object({ vi: consentWording(), en: consentWording() });
export type ConsentWording = z.infer<typeof ConsentWordingSchema>;

/**
 * What ward staff send: the wording and nothing else. The ward comes from the session; a body
 * naming one (or anything more) is refused rather than quietly written to the caller's own.
 */
export const ConsentWordingInputSchema = z.strictObject(ConsentWordingSchema.shape, {
	error: (issue) => (issue.code === 'unrecognized_keys' ? 'consent_text.wording_only' : undefined)
});

/** `consent_text:<ward>:<version>` in the org database; every version is kept. */
export const ConsentTextSchema = ConsentWordingSchema.extend({
	type: z.literal('consent_text'),
	ward: WardCodeSchema,
	version: z.number().int().min(0).max(999_999),
	created_at: TimestampSchema,
	created_by: UsernameSchema
});
export type ConsentText = z.infer<typeof ConsentTextSchema>;

export function consentTextDocId(ward: string, version: number): string {
	return `consent_text:${ward}:${String(version).padStart(6, '0')}`;
}
