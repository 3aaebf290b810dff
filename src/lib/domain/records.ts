// The records a ward database holds, and the one validation both the device and the gateway
// run on them.

import type { z } from 'zod';
import { DeclarationSchema, type Declaration } from './declaration';
import { DeviceStatusSchema, type DeviceStatus } from './device-status';
import { HouseholdSchema, type Household } from './household';
import { recordTypeOf, type RecordType } from './ids';
import { bilingual, isMessageKey, type MessageKey } from './messages';
import { PersonSchema, type Person } from './person';

export const RECORD_SCHEMAS = {
	household: HouseholdSchema,
	person: PersonSchema,
	declaration: DeclarationSchema,
	device_status: DeviceStatusSchema
} as const satisfies Record<RecordType, z.ZodType>;

export type WardRecord = Household | Person | Declaration | DeviceStatus;

export type FieldProblem = { path: string; key: MessageKey };

export type RecordCheck =
	{ ok: true; record: WardRecord } | { ok: false; problems: FieldProblem[] };

/** Turns zod issues into message keys with the dotted path of the field. */
export function problemsOf(error: z.ZodError): FieldProblem[] {
	return error.issues.map((issue) => ({
		path: issue.path.join('.'),
		key: isMessageKey(issue.message) ? issue.message : 'doc.invalid'
	}));
}

/** Validates any ward record by the type its id declares. */
export function checkRecord(candidate: unknown): RecordCheck {
	const id = (candidate as { id?: unknown } | null)?.id;
	const type = typeof id === 'string' ? recordTypeOf(id) : null;
	if (!type) return { ok: false, problems: [{ path: 'id', key: 'doc.type' }] };
	const result = RECORD_SCHEMAS[type].safeParse(candidate);
	return result.success
		? { ok: true, record: result.data }
		: { ok: false, problems: problemsOf(result.error) };
}

/** One line per problem, Vietnamese then English: the reason the server gives. */
export function describeProblems(problems: FieldProblem[]): string {
	return problems
		.map((problem) => `${problem.path || 'record'}: ${bilingual(problem.key)}`)
		.join('; ');
}
