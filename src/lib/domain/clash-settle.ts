// Settling a clash: ward staff confirm which of two concurrent values of a field stays
// (docs/decisions/merging-edits.md). The chosen value is written as a version of the field
// one higher than both clashing edits, so it wins every merge with a copy made before the
// confirmation; the clash stays in the record marked `settled` (who, when, which value),
// and the merge prefers a settled copy of a clash over an open one, so a phone still holding
// the clash open cannot bring it back. Only the clash staff confirmed is settled: one that
// arrives later from a phone that was offline is shown to them as its own.

import { clashKeyOf, type ClashOf, type ClashSettlement, type FieldEditOf } from './field-edits';
import { withValueAt, type Editor, type MergeableRecord } from './record-merge';

export type ClashChoice = ClashSettlement['choice'];

/** The clashes still waiting for ward staff. */
export function openClashes<F extends string>(
	clashes: readonly ClashOf<F>[] | undefined
): ClashOf<F>[] {
	return (clashes ?? []).filter((clash) => clash.settled === undefined);
}

/** How many clashes of these records wait for ward staff. */
export function countOpenClashes(
	records: readonly { clashes?: readonly ClashOf<string>[] }[]
): number {
	return records.reduce((sum, record) => sum + openClashes(record.clashes).length, 0);
}

/**
 * The record with the chosen value of the clash in its field, a version of that field above
 * both clashing edits (and the one it holds now) made by `editor`, and the clash marked
 * settled. The caller checks the result with the record's rules before writing it: a value
 * lost days ago may no longer be valid.
 */
export function settleClash<F extends string, T extends MergeableRecord<F>>(
	record: T,
	clash: ClashOf<F>,
	choice: ClashChoice,
	editor: Editor
): T {
	const key = clashKeyOf(clash);
	const held = record.edits?.find((edit) => edit.field === clash.field);
	const n = Math.max(held?.n ?? 0, clash.kept_edit.n, clash.lost_edit.n) + 1;
	const version: FieldEditOf<F> = { field: clash.field, n, ...editor };
	const settlement: ClashSettlement = { n, ...editor, choice };
	const edits = [...(record.edits ?? []).filter((edit) => edit.field !== clash.field), version];
	const clashes = (record.clashes ?? []).map((held) =>
		clashKeyOf(held) === key ? { ...held, settled: settlement } : held
	);
	const value = choice === 'kept' ? clash.kept : clash.lost;
	return { ...withValueAt(record, clash.field, value ?? undefined), edits, clashes };
}
