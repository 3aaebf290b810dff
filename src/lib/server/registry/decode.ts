// The bytes of a registry extract as text. Extracts come from the registry's own export
// (UTF-8, with or without Excel's byte-order mark) or from an office PC that saved them in
// Windows code page 1258, which writes tones as combining marks after the letter: the text
// is turned into Unicode NFC, so "Phường" from either file is the same string. Anything else
// (UTF-16, the old TCVN3 and VNI font encodings, a file cut in the middle of a character) is
// refused at the line where it shows.

import iconv from 'iconv-lite';
import type { ExtractEncoding } from '$lib/domain';
import type { LineProblem } from '../org/csv';

export type DecodedExtract =
	{ ok: true; text: string; encoding: ExtractEncoding } | { ok: false; problem: LineProblem };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const NEWLINE = 0x0a;
/** Bytes code page 1258 leaves undefined: a file holding one is not Windows-1258. */
const CP1258_UNDEFINED = new Set([0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e]);
/** The marks Vietnamese puts on a Latin letter: tones, circumflex, breve, horn. */
const VIETNAMESE_MARKS = /^[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]+$/;
/** Punctuation a word processor puts in an address. */
const PUNCTUATION = new Set(['‘', '’', '“', '”', '–', '—', '…', '•', '·', '\u00a0']);
const VOWELS = /[aeiouyAEIOUY]/;

function lineAt(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let index = 0; index < offset; index++) if (bytes[index] === NEWLINE) line += 1;
	return line;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
	return prefix.every((byte, index) => bytes[index] === byte);
}

function refused(key: LineProblem['key'], line: number): DecodedExtract {
	return { ok: false, problem: { line, key, params: { line } } };
}

function isUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/** The offset of the first byte sequence that is not UTF-8 (a character never holds a
 * newline byte, so each line can be tried alone). */
function firstBadUtf8(bytes: Uint8Array): number {
	let start = 0;
	while (start <= bytes.length) {
		let end = bytes.indexOf(NEWLINE, start);
		if (end < 0) end = bytes.length;
		if (!isUtf8(bytes.subarray(start, end))) return start;
		start = end + 1;
	}
	return 0;
}

/** The file ends inside a UTF-8 character: everything before its lead byte is UTF-8, with
 * other characters beyond ASCII in it (a file of ASCII ending in one Windows-1258 letter is
 * read as Windows-1258). */
function endsMidCharacter(bytes: Uint8Array): boolean {
	for (let back = 1; back <= 3 && back <= bytes.length; back++) {
		const byte = bytes[bytes.length - back];
		if ((byte & 0xc0) === 0x80) continue;
		const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
		const before = bytes.subarray(0, bytes.length - back);
		return needs > back && before.some((value) => value >= 0x80) && isUtf8(before);
	}
	return false;
}

/** The text when the bytes are UTF-8, the cut-off line when they end inside a character,
 * or null when they are something else. */
function decodeUtf8(bytes: Uint8Array, encoding: ExtractEncoding): DecodedExtract | null {
	if (isUtf8(bytes)) {
		return { ok: true, text: new TextDecoder('utf-8').decode(bytes).normalize('NFC'), encoding };
	}
	if (endsMidCharacter(bytes)) return refused('registry.cut_off', lineAt(bytes, bytes.length));
	return null;
}

/** Whether text read as Windows-1258 is not Vietnamese: a character outside ASCII that is
 * not a Latin letter with Vietnamese marks, a mark after a vowel, or punctuation. */
function hasForeignCharacters(text: string): boolean {
	let previous = '';
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		if (code >= 0x80) {
			const parts = char.normalize('NFD');
			const isMark = VIETNAMESE_MARKS.test(char);
			const isLetter =
				/^[A-Za-z]$/.test(parts[0]) &&
				(parts.length === 1 || VIETNAMESE_MARKS.test(parts.slice(1)));
			const isD = char === 'đ' || char === 'Đ';
			const isMarkAfterVowel = isMark && VOWELS.test(previous.normalize('NFD')[0] ?? '');
			if (!isD && !isLetter && !isMarkAfterVowel && !PUNCTUATION.has(char)) return true;
		}
		previous = char;
	}
	return false;
}

/** The text read as Windows-1258, or null when it cannot be (a byte the code page leaves
 * undefined, or characters Vietnamese does not use). */
function decodeCp1258(bytes: Uint8Array): DecodedExtract | null {
	if (bytes.some((byte) => byte === 0 || CP1258_UNDEFINED.has(byte))) return null;
	const text = iconv.decode(Buffer.from(bytes), 'windows1258');
	if (hasForeignCharacters(text)) return null;
	return { ok: true, text: text.normalize('NFC'), encoding: 'windows-1258' };
}

export function decodeExtract(bytes: Uint8Array): DecodedExtract {
	if (bytes.length === 0) return refused('registry.empty', 1);
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		return refused('registry.encoding', 1);
	}
	if (startsWith(bytes, UTF8_BOM)) {
		const body = bytes.subarray(UTF8_BOM.length);
		return (
			decodeUtf8(body, 'utf-8-bom') ??
			refused('registry.encoding', lineAt(body, firstBadUtf8(body)))
		);
	}
	// Neither: the line to look at is the first that is not UTF-8, where the other encoding shows.
	return (
		decodeUtf8(bytes, 'utf-8') ??
		decodeCp1258(bytes) ??
		refused('registry.encoding', lineAt(bytes, firstBadUtf8(bytes)))
	);
}
