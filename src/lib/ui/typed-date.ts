// What a date field shows under itself while someone types: the day it understood, in the
// dd/mm/yyyy form Vietnamese paper records use, or why it could not.

import { formatDate, parseTypedDate, type MessageKey } from '$lib/domain';

export type DateReading =
	| { kind: 'empty' }
	| { kind: 'day'; value: string; shown: string }
	| { kind: 'year'; value: string; shown: string }
	| { kind: 'problem'; key: MessageKey };

export function readTypedDate(text: string, today: Date = new Date()): DateReading {
	if (text.trim() === '') return { kind: 'empty' };
	const parsed = parseTypedDate(text, today);
	if (!parsed.ok) return { kind: 'problem', key: parsed.error };
	const shown = formatDate(parsed.value);
	return parsed.value.length === 4
		? { kind: 'year', value: parsed.value, shown }
		: { kind: 'day', value: parsed.value, shown };
}

/** A stored date, back in the form people type it (for editing). */
export function typedFromStored(value: string | undefined): string {
	return value ? formatDate(value) : '';
}
