// The save step every record form shares: problems found before or by the write go back to
// the fields, a failed write is shown, and a second tap while saving does nothing.

import type { FieldProblem } from '$lib/domain';

export type SaveOutcome<T> = { ok: true; record: T } | { ok: false; problems: FieldProblem[] };

export class FormSave {
	problems = $state<FieldProblem[]>([]);
	/** Counts refused attempts, so the summary takes focus again on every refusal. */
	attempt = $state(0);
	busy = $state(false);
	writeError = $state<string | null>(null);

	/** Shows the problems found before writing; true when there are none. */
	accept(problems: FieldProblem[]): boolean {
		this.problems = problems;
		this.writeError = null;
		if (problems.length > 0) this.attempt += 1;
		return problems.length === 0;
	}

	async write<T>(
		write: () => Promise<SaveOutcome<T>>,
		onSaved: (record: T) => void
	): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		try {
			const result = await write();
			if (result.ok) onSaved(result.record);
			else this.accept(result.problems);
		} catch (failure) {
			this.writeError = failure instanceof Error ? failure.message : String(failure);
		} finally {
			this.busy = false;
		}
	}
}
