import { describe, expect, it } from 'vitest';
import { decodeExtract } from './decode';
import { windows1258 } from './windows-1258.test-support';

const TEXT = 'household_code,full_name\nHK01,Nguyễn Thị Phường\nHK02,Đặng Văn Đức\n';

function utf8(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}

describe('decodeExtract', () => {
	it('reads UTF-8 with or without the byte-order mark, in NFC', () => {
		expect(decodeExtract(utf8(TEXT))).toEqual({ ok: true, text: TEXT, encoding: 'utf-8' });
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]);
		expect(decodeExtract(bom)).toEqual({ ok: true, text: TEXT, encoding: 'utf-8-bom' });
		const decomposed = decodeExtract(utf8(TEXT.normalize('NFD')));
		expect(decomposed.ok && decomposed.text).toBe(TEXT);
	});

	it('turns Windows-1258 (tones as combining marks) into the same NFC text', () => {
		const bytes = windows1258(TEXT);
		expect(bytes).not.toContain(0x3f);
		// Code page 1258 writes "ờ" as "ơ" and a combining grave accent: two bytes.
		expect(bytes).toContain(0xcc);
		expect(decodeExtract(bytes)).toEqual({ ok: true, text: TEXT, encoding: 'windows-1258' });
	});

	it('refuses UTF-16 at line 1', () => {
		const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(TEXT, 'utf16le')]);
		expect(decodeExtract(bytes)).toEqual({
			ok: false,
			problem: { line: 1, key: 'registry.encoding', params: { line: 1 } }
		});
	});

	it('refuses TCVN3 at the line where it shows', () => {
		// "Nguyễn" in TCVN3 (ABC): ễ is the single byte 0xD7 ... with "õ" → 0xF5 etc.; here the
		// bytes of "Hà Nội" as TCVN3 writes them, which Windows-1258 reads as symbols.
		const tcvn3 = new Uint8Array([0x48, 0xb5, 0x20, 0x4e, 0xe9, 0x69]);
		const bytes = new Uint8Array([...utf8('household_code,full_name\nHK01,'), ...tcvn3, 0x0a]);
		const decoded = decodeExtract(bytes);
		expect(decoded).toEqual({
			ok: false,
			problem: { line: 2, key: 'registry.encoding', params: { line: 2 } }
		});
	});

	it('refuses a byte code page 1258 does not define', () => {
		const bytes = new Uint8Array([...utf8('a,b\n'), ...utf8('c,d\n'), 0x81, 0x0a]);
		expect(decodeExtract(bytes)).toMatchObject({ ok: false, problem: { line: 3 } });
	});

	it('says a UTF-8 file cut inside its last character is cut off', () => {
		const bytes = utf8(TEXT.trimEnd());
		const cut = bytes.subarray(0, bytes.length - 2);
		expect(decodeExtract(cut)).toEqual({
			ok: false,
			problem: { line: 3, key: 'registry.cut_off', params: { line: 3 } }
		});
	});

	it('refuses an empty file', () => {
		expect(decodeExtract(new Uint8Array())).toMatchObject({
			ok: false,
			problem: { key: 'registry.empty' }
		});
	});
});
