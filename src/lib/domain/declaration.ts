// A declaration of one person's basic health data (the Ministry of Health's personal
// record). Append-only: a correction is a new declaration that names the one it corrects,
// so a retried push can never overwrite or duplicate anything.

import { z } from 'zod';
import { checkBloodPressure } from './blood-pressure';
import { ConsentSchema } from './consent';
import {
	AuditSchema,
	optionalText,
	PlacementSchema,
	StampSchema,
	TimestampSchema,
	UsernameSchema
} from './common';
import { isRecordId } from './ids';

export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', 'unknown'] as const;
export const SMOKING = ['never', 'former', 'current'] as const;
export const ALCOHOL = ['never', 'occasional', 'regular'] as const;
export const CHRONIC_CONDITIONS = [
	'hypertension',
	'diabetes',
	'heart_disease',
	'stroke',
	'asthma_copd',
	'cancer',
	'kidney_disease',
	'liver_disease',
	'tuberculosis',
	'mental_health',
	'other'
] as const;
export const DECLARANT_ROLES = ['resident', 'collaborator'] as const;
export const CHANNELS = ['qr', 'door_to_door'] as const;

function measure(min: number, max: number, error: 'height.range' | 'weight.range' | 'pulse.range') {
	return z.number({ error: 'number.invalid' }).min(min, { error }).max(max, { error }).optional();
}

export const HealthSchema = z
	.object({
		height_cm: measure(30, 250, 'height.range'),
		weight_kg: measure(1, 300, 'weight.range'),
		systolic: z.number({ error: 'number.invalid' }).int({ error: 'systolic.range' }).optional(),
		diastolic: z.number({ error: 'number.invalid' }).int({ error: 'diastolic.range' }).optional(),
		pulse: measure(30, 220, 'pulse.range'),
		blood_group: z.enum(BLOOD_GROUPS, { error: 'choice.invalid' }).optional(),
		allergies: optionalText(),
		chronic_conditions: z
			.array(z.enum(CHRONIC_CONDITIONS, { error: 'choice.invalid' }))
			.max(CHRONIC_CONDITIONS.length)
			.optional(),
		smoking: z.enum(SMOKING, { error: 'choice.invalid' }).optional(),
		alcohol: z.enum(ALCOHOL, { error: 'choice.invalid' }).optional(),
		disabilities: optionalText(),
		pregnant: z.boolean({ error: 'choice.invalid' }).optional(),
		vaccinations: optionalText(),
		notes: optionalText(1000)
	})
	.superRefine((health, context) => {
		const error = checkBloodPressure(health);
		if (error) {
			const path = error === 'diastolic.range' ? ['diastolic'] : ['systolic'];
			context.addIssue({ code: 'custom', message: error, path });
		}
		if (Object.values(health).every((value) => value === undefined || value === '')) {
			context.addIssue({ code: 'custom', message: 'declaration.empty' });
		}
	});
export type Health = z.infer<typeof HealthSchema>;

export const DeclarationSchema = z.object({
	id: z.string().refine((id) => isRecordId(id, 'declaration'), { error: 'id.invalid' }),
	type: z.literal('declaration', { error: 'doc.type' }),
	...PlacementSchema.shape,
	person: z.string().refine((id) => isRecordId(id, 'person'), { error: 'id.invalid' }),
	household: z.string().refine((id) => isRecordId(id, 'household'), { error: 'id.invalid' }),
	declared_at: TimestampSchema,
	declared_by: UsernameSchema,
	role: z.enum(DECLARANT_ROLES, { error: 'choice.invalid' }),
	channel: z.enum(CHANNELS, { error: 'choice.invalid' }),
	corrects: z
		.string()
		.refine((id) => isRecordId(id, 'declaration'), { error: 'id.invalid' })
		.optional(),
	health: HealthSchema,
	/**
	 * Optional in the stored shape (declarations older than consent have none); a new one must
	 * carry it: `consentProblemOf`, on the device and in the gateway.
	 */
	consent: ConsentSchema.optional(),
	audit: AuditSchema,
	stamp: StampSchema.optional()
});
export type Declaration = z.infer<typeof DeclarationSchema>;

/** Pregnancy needs the person: checked where both are at hand (form and gateway). */
export function checkDeclarationForPerson(
	declaration: Pick<Declaration, 'health'>,
	person: { sex: 'male' | 'female' }
): 'pregnant.sex' | null {
	return declaration.health.pregnant && person.sex !== 'female' ? 'pregnant.sex' : null;
}
