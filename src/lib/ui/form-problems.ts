// Puts each validation problem under the field it belongs to. Forms name their fields by the
// record's dotted paths (`address.street`, `health.systolic`), so a problem from the zod
// schema, the write helper or the form's own parsing lands in the same place.

import type { FieldProblem, MessageKey } from '$lib/domain';

export type ProblemsByField = Record<string, MessageKey[]>;

/** Groups problems by path, keeping the first of each message, in the order they came. */
export function problemsByField(problems: readonly FieldProblem[]): ProblemsByField {
	const grouped: ProblemsByField = {};
	for (const problem of problems) {
		const keys = (grouped[problem.path] ??= []);
		if (!keys.includes(problem.key)) keys.push(problem.key);
	}
	return grouped;
}

/**
 * Moves problems onto the paths a form shows: an exact field, or the form's top when the
 * path names none of them (a rule about the whole record has an empty or parent path).
 * Fields come in the form's order, so the summary reads top to bottom like the form.
 */
export function placeProblems(
	problems: readonly FieldProblem[],
	fields: readonly string[],
	aliases: Readonly<Record<string, string>> = {}
): { byField: ProblemsByField; general: MessageKey[] } {
	const placed: FieldProblem[] = [];
	const general: MessageKey[] = [];
	for (const problem of problems) {
		const path = aliases[problem.path] ?? problem.path;
		if (fields.includes(path)) placed.push({ ...problem, path });
		else if (!general.includes(problem.key)) general.push(problem.key);
	}
	placed.sort((a, b) => fields.indexOf(a.path) - fields.indexOf(b.path));
	return { byField: problemsByField(placed), general };
}

/** Problems of paths the person cannot edit (id, audit) say nothing useful to them. */
export function withoutBookkeeping(problems: readonly FieldProblem[]): FieldProblem[] {
	return problems.filter(
		(problem) => !/^(id|type|audit|stamp|ward|declared_at|declared_by)(\.|$)/.test(problem.path)
	);
}

/** Stable element ids for a field's input, hint and error text (for aria-describedby). */
export function fieldIds(path: string): { input: string; hint: string; error: string } {
	const base = 'field-' + path.replace(/[^A-Za-z0-9_-]/g, '-');
	return { input: base, hint: `${base}-hint`, error: `${base}-error` };
}
