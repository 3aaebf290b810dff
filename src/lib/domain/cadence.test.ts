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
