import { describe, expect, it } from 'vitest';
import { cadenceFor, dueState, nextDueDate, worstDueState } from './cadence';

const NOW = new Date('2026-11-28T09:00:00+07:00');

describe('cadence', () => {
	it('uses the ward cadence, or 3 months for close watch', () => {
		expect(cadenceFor(6)).toBe(6);
		expect(cadenceFor(6, { chronic_conditions: ['diabetes'] })).toBe(3);
		expect(cadenceFor(6, { pregnant: true })).toBe(3);
		expect(cadenceFor(3, {})).toBe(3);
	});
	it('computes the next due date', () => {
		expect(nextDueDate('2026-05-31T10:00:00+07:00', 6).getMonth()).toBe(10);
	});
	it('clamps to the end of a shorter month, and knows leap years', () => {
		const due = (declaredAt: string, months: number, health = {}) =>
			nextDueDate(declaredAt, months, health).toISOString().slice(0, 10);
		// Noon in Hồ Chí Minh City is the same calendar day in UTC, where the tests run.
		expect(due('2026-08-31T12:00:00+07:00', 6)).toBe('2027-02-28');
		expect(due('2027-08-31T12:00:00+07:00', 6)).toBe('2028-02-29');
		expect(due('2027-11-30T12:00:00+07:00', 6, { pregnant: true })).toBe('2028-02-29');
		expect(due('2026-11-30T12:00:00+07:00', 3)).toBe('2027-02-28');
		expect(due('2028-02-29T12:00:00+07:00', 6)).toBe('2028-08-29');
		expect(due('2026-03-31T12:00:00+07:00', 3)).toBe('2026-06-30');
		expect(due('2026-12-15T12:00:00+07:00', 3)).toBe('2027-03-15');
	});
	it('turns overdue on the due day itself, and due soon two weeks before', () => {
		const last = { declared_at: '2026-05-31T12:00:00+07:00' };
		expect(dueState(last, 6, new Date('2026-11-30T11:59:00+07:00'))).toBe('due');
		expect(dueState(last, 6, new Date('2026-11-30T12:00:00+07:00'))).toBe('overdue');
		expect(dueState(last, 6, new Date('2026-11-16T11:00:00+07:00'))).toBe('up_to_date');
		expect(dueState(last, 6, new Date('2026-11-16T13:00:00+07:00'))).toBe('due');
	});
	it('classifies people', () => {
		expect(dueState(undefined, 6, NOW)).toBe('never');
		expect(dueState({ declared_at: '2026-10-01T09:00:00+07:00' }, 6, NOW)).toBe('up_to_date');
		expect(dueState({ declared_at: '2026-06-05T09:00:00+07:00' }, 6, NOW)).toBe('due');
		expect(dueState({ declared_at: '2026-05-01T09:00:00+07:00' }, 6, NOW)).toBe('overdue');
		expect(
			dueState(
				{
					declared_at: '2026-08-01T09:00:00+07:00',
					health: { chronic_conditions: ['hypertension'] }
				},
				6,
				NOW
			)
		).toBe('overdue');
	});
	it('takes the worst state of a household', () => {
		expect(worstDueState(['up_to_date', 'overdue', 'never'])).toBe('overdue');
		expect(worstDueState(['up_to_date', 'due'])).toBe('due');
		expect(worstDueState([])).toBe('never');
	});
});
