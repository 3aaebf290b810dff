// When a person is next due to update their record: the ward's cadence after their last
// declaration, shortened to 3 months for people with a chronic condition or a pregnancy.

import { addMonths } from './dates';
import type { Health } from './declaration';

export const CLOSE_WATCH_MONTHS = 3;
/** A person is "due" in the last 14 days before the date, "overdue" after it. */
export const DUE_SOON_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export type DueState = 'never' | 'up_to_date' | 'due' | 'overdue';

export function cadenceFor(wardCadenceMonths: number, health?: Health): number {
	const needsCloseWatch =
		Boolean(health?.pregnant) || (health?.chronic_conditions?.length ?? 0) > 0;
	return needsCloseWatch ? Math.min(CLOSE_WATCH_MONTHS, wardCadenceMonths) : wardCadenceMonths;
}

export function nextDueDate(
	lastDeclaredAt: string,
	wardCadenceMonths: number,
	health?: Health
): Date {
	return addMonths(new Date(lastDeclaredAt), cadenceFor(wardCadenceMonths, health));
}

export function dueState(
	last: { declared_at: string; health?: Health } | undefined,
	wardCadenceMonths: number,
	now: Date = new Date()
): DueState {
	if (!last) return 'never';
	const due = nextDueDate(last.declared_at, wardCadenceMonths, last.health).getTime();
	if (now.getTime() >= due) return 'overdue';
	if (due - now.getTime() <= DUE_SOON_DAYS * DAY_MS) return 'due';
	return 'up_to_date';
}

/** A household is as urgent as its most urgent member. */
export function worstDueState(states: DueState[]): DueState {
	const order: DueState[] = ['overdue', 'never', 'due', 'up_to_date'];
	return order.find((state) => states.includes(state)) ?? 'never';
}
