// Reading an org-unit CSV as people make them: Excel's "CSV UTF-8" (with a byte-order mark),
// LibreOffice's (without), quoted cells with commas or line breaks inside. Every record keeps
// the line of the file it starts on, so a report points where the person will look.

import type { MessageKey, MessageParams } from '$lib/domain';

export type CsvRecord = { line: number; cells: string[] };
export type LineProblem = { line: number; key: MessageKey; params?: MessageParams };

export type Decoded = { ok: true; text: string } | { ok: false; problem: LineProblem };

const BOM = [0xef, 0xbb, 0xbf];
const NEWLINE = 0x0a;

function hasBom(bytes: Uint8Array): boolean {
	return BOM.every((byte, index) => bytes[index] === byte);
}

/** The line holding the first byte sequence that is not UTF-8 (a multi-byte character never
 * contains a newline byte, so the file can be cut at newlines and each piece tried alone). */
function firstBadLine(bytes: Uint8Array): number {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let start = 0;
	let line = 1;
	while (start <= bytes.length) {
		let end = bytes.indexOf(NEWLINE, start);
		if (end < 0) end = bytes.length;
		try {
			decoder.decode(bytes.subarray(start, end));
		} catch {
			return line;
		}
		start = end + 1;
		line += 1;
	}
	return 1;
}

/** UTF-8 text without its byte-order mark, or the line where another encoding shows. */
export function decodeCsvBytes(bytes: Uint8Array): Decoded {
	const body = hasBom(bytes) ? bytes.subarray(BOM.length) : bytes;
	try {
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
	} catch {
		const line = firstBadLine(body);
		return { ok: false, problem: { line, key: 'org.csv_encoding', params: { line } } };
	}
}

export type Parsed = { records: CsvRecord[]; problems: LineProblem[] };

/** RFC 4180 records; blank lines are skipped. A quote left open is reported at its record. */
export function parseCsv(text: string): Parsed {
	const records: CsvRecord[] = [];
	let line = 1;
	let index = 0;
	const length = text.length;
	while (index < length) {
		const startLine = line;
		const cells: string[] = [];
		let cell = '';
		let isQuoted = false;
		let isRecordDone = false;
		while (index < length && !isRecordDone) {
			const char = text[index];
			if (isQuoted) {
				if (char === '"') {
					if (text[index + 1] === '"') {
						cell += '"';
						index += 2;
						continue;
					}
					isQuoted = false;
					index += 1;
					continue;
				}
				if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) line += 1;
				cell += char;
				index += 1;
				continue;
			}
			if (char === '"' && cell.trim() === '') {
				cell = '';
				isQuoted = true;
				index += 1;
			} else if (char === ',') {
				cells.push(cell);
				cell = '';
				index += 1;
			} else if (char === '\r' || char === '\n') {
				index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
				line += 1;
				isRecordDone = true;
			} else {
				cell += char;
				index += 1;
			}
		}
		if (isQuoted) {
			return { records, problems: [{ line: startLine, key: 'org.csv_quote' }] };
		}
		cells.push(cell);
		const isBlank = cells.length === 1 && cells[0].trim() === '';
		if (!isBlank) records.push({ line: startLine, cells });
	}
	return { records, problems: [] };
}
