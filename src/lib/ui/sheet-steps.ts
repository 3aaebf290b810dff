// What a printed sheet tells the household, in both languages at once: a sheet on a door is
// read by whoever opens it, whatever language the ward staff's screen was set to.

import { CHECK_CODE_LENGTH, CLOSE_WATCH_MONTHS } from '$lib/domain';
import type { UiKey } from '$lib/i18n/dictionary';
import { translate, type Params } from '$lib/i18n/translate';

export type BilingualLine = { vi: string; en: string };
export type StepIcon = 'camera' | 'tap' | 'keypad' | 'family';
export type SheetStep = { icon: StepIcon; text: BilingualLine };

export function bothLanguages(key: UiKey, params?: Params): BilingualLine {
	return { vi: translate(key, 'vi', params), en: translate(key, 'en', params) };
}

export function sheetSteps(cadenceMonths: number): SheetStep[] {
	return [
		{ icon: 'camera', text: bothLanguages('sheet.step_camera') },
		{ icon: 'tap', text: bothLanguages('sheet.step_link') },
		{ icon: 'keypad', text: bothLanguages('sheet.step_answer', { length: CHECK_CODE_LENGTH }) },
		{ icon: 'family', text: bothLanguages('sheet.step_declare', { months: cadenceMonths }) }
	];
}

/** The ward's cadence, and the shorter one for close watch when it is shorter. */
export function cadenceReminder(cadenceMonths: number): BilingualLine {
	return cadenceMonths > CLOSE_WATCH_MONTHS
		? bothLanguages('sheet.cadence', { months: cadenceMonths, close: CLOSE_WATCH_MONTHS })
		: bothLanguages('sheet.cadence_same', { months: cadenceMonths });
}

/** Printed in groups of three ("AB2 C3D"), which people read aloud and type more surely. */
export function spacedCheckCode(code: string): string {
	return code.length === CHECK_CODE_LENGTH ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** The number a phone dials for a hotline as printed ("1900 0000" → "19000000"). */
export function dialable(hotline: string): string {
	return hotline.replace(/[^\d+]/g, '');
}
