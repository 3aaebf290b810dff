// Blood pressure is typed the way it is said, "120/80", and checked as a pair: a plausible
// number on its own can still be an impossible reading.

import type { MessageKey } from './messages';

export const SYSTOLIC_MMHG = { min: 60, max: 260 } as const;
export const DIASTOLIC_MMHG = { min: 30, max: 160 } as const;

export type BloodPressure = { systolic?: number; diastolic?: number };

/** Null when both are absent, or both present, in range and systolic above diastolic. */
export function checkBloodPressure({ systolic, diastolic }: BloodPressure): MessageKey | null {
	if (systolic === undefined && diastolic === undefined) return null;
	if (systolic === undefined || diastolic === undefined) return 'bp.pair';
	if (!Number.isInteger(systolic) || systolic < SYSTOLIC_MMHG.min || systolic > SYSTOLIC_MMHG.max) {
		return 'systolic.range';
	}
	if (
		!Number.isInteger(diastolic) ||
		diastolic < DIASTOLIC_MMHG.min ||
		diastolic > DIASTOLIC_MMHG.max
	) {
		return 'diastolic.range';
	}
	if (systolic <= diastolic) return 'bp.order';
	return null;
}

export type BloodPressureParse =
	{ ok: true; value: BloodPressure } | { ok: false; error: MessageKey };

/** Reads "120/80", "120 / 80" or "120-80"; an empty entry means not measured. */
export function parseBloodPressure(input: string): BloodPressureParse {
	const text = input.trim();
	if (text === '') return { ok: true, value: {} };
	const match = /^(\d{2,3})\s*[/\-\s]\s*(\d{2,3})$/.exec(text);
	if (!match) return { ok: false, error: 'bp.format' };
	const value = { systolic: Number(match[1]), diastolic: Number(match[2]) };
	const error = checkBloodPressure(value);
	return error ? { ok: false, error } : { ok: true, value };
}
