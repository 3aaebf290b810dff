// Checks a form's draft with the record's own zod schema before it is written, so every
// problem shows at once. The write helper checks again with the real audit; the audit made
// here exists only so the schema can run, and problems about it are never shown.

import type { z } from 'zod';
import { problemsOf, type Audit, type FieldProblem } from '$lib/domain';
import { withoutBookkeeping } from './form-problems';

export type Actor = { username: string; deviceId: string };

function auditForCheck(actor: Actor, now: Date): Audit {
	const at = now.toISOString();
	return {
		created_at: at,
		created_by: actor.username,
		updated_at: at,
		updated_by: actor.username,
		device_id: actor.deviceId
	};
}

export function checkDraft(
	schema: z.ZodType,
	draft: object,
	actor: Actor,
	now: Date = new Date()
): FieldProblem[] {
	const result = schema.safeParse({ ...draft, audit: auditForCheck(actor, now) });
	return result.success ? [] : withoutBookkeeping(problemsOf(result.error));
}

/** The form's own reading problems (a date it cannot read) win over the schema's on a field. */
export function mergeProblems(
	first: readonly FieldProblem[],
	then: readonly FieldProblem[]
): FieldProblem[] {
	const taken = new Set(first.map((problem) => problem.path));
	return [...first, ...then.filter((problem) => !taken.has(problem.path))];
}

/** Empty text means "not given": the schemas expect the field to be absent then. */
export function optional(text: string): string | undefined {
	const trimmed = text.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** An empty required field says "required", not the length or format rule it also breaks. */
export function missingFields(values: Readonly<Record<string, string>>): FieldProblem[] {
	return Object.entries(values)
		.filter(([, value]) => value.trim() === '')
		.map(([path]) => ({ path, key: 'required' }));
}
