import { describe, expect, it } from 'vitest';
import { checkBloodPressure, parseBloodPressure } from './blood-pressure';

describe('checkBloodPressure', () => {
	it('accepts a plausible pair or none', () => {
		expect(checkBloodPressure({ systolic: 120, diastolic: 80 })).toBeNull();
		expect(checkBloodPressure({})).toBeNull();
	});
	it('refuses systolic 999 and other out-of-range values', () => {
		expect(checkBloodPressure({ systolic: 999, diastolic: 80 })).toBe('systolic.range');
		expect(checkBloodPressure({ systolic: 59, diastolic: 40 })).toBe('systolic.range');
		expect(checkBloodPressure({ systolic: 120, diastolic: 20 })).toBe('diastolic.range');
		expect(checkBloodPressure({ systolic: 120.5, diastolic: 80 })).toBe('systolic.range');
	});
	it('refuses systolic not above diastolic', () => {
		expect(checkBloodPressure({ systolic: 80, diastolic: 80 })).toBe('bp.order');
		expect(checkBloodPressure({ systolic: 80, diastolic: 120 })).toBe('bp.order');
	});
	it('wants both numbers', () => {
		expect(checkBloodPressure({ systolic: 120 })).toBe('bp.pair');
	});
});

describe('parseBloodPressure', () => {
	it('reads the spoken form', () => {
		expect(parseBloodPressure('120/80')).toEqual({
			ok: true,
			value: { systolic: 120, diastolic: 80 }
		});
		expect(parseBloodPressure(' 135 / 85 ')).toEqual({
			ok: true,
			value: { systolic: 135, diastolic: 85 }
		});
		expect(parseBloodPressure('')).toEqual({ ok: true, value: {} });
	});
	it('refuses garbage and implausible pairs', () => {
		expect(parseBloodPressure('120')).toEqual({ ok: false, error: 'bp.format' });
		expect(parseBloodPressure('999/80')).toEqual({ ok: false, error: 'systolic.range' });
		expect(parseBloodPressure('80/120')).toEqual({ ok: false, error: 'bp.order' });
	});
});
