import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsv } from './csv';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decoding a CSV file', () => {
	it('reads UTF-8 with and without the byte-order mark Excel writes', () => {
		const text = 'code,level,name,parent\n79,city,Thành phố Hồ Chí Minh,\n';
		const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
		expect(decodeCsvBytes(utf8(text))).toEqual({ ok: true, text });
		expect(decodeCsvBytes(withBom)).toEqual({ ok: true, text });
	});

	it('refuses Windows-1258 bytes and names the first line that holds them', () => {
		// "Phường" in Windows-1258: ư is 0xFD, ờ is ơ (0xF5) with a combining grave (0xCC).
		const cp1258 = [0x50, 0x68, 0xfd, 0xf5, 0xcc, 0x6e, 0x67];
		const bytes = new Uint8Array([
			...utf8('code,level,name,parent\n79,city,HCM,\n26956,ward,'),
			...cp1258,
			...utf8(' 27,79\n')
		]);
		const decoded = decodeCsvBytes(bytes);
		expect(decoded.ok).toBe(false);
		if (decoded.ok) return;
		expect(decoded.problem).toEqual({ line: 3, key: 'org.csv_encoding', params: { line: 3 } });
	});

	it('refuses a UTF-16 file (its byte-order mark is no UTF-8)', () => {
		const decoded = decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x63, 0x00]));
		expect(decoded.ok).toBe(false);
	});
});

describe('parsing CSV records', () => {
	it('keeps the line each record starts on, skipping blank lines', () => {
		const { records, problems } = parseCsv('a,b\r\n1,2\r\n\r\n3,4');
		expect(problems).toEqual([]);
		expect(records).toEqual([
			{ line: 1, cells: ['a', 'b'] },
			{ line: 2, cells: ['1', '2'] },
			{ line: 4, cells: ['3', '4'] }
		]);
	});

	it('reads quoted cells with commas, doubled quotes and line breaks inside', () => {
		const { records } = parseCsv('a,b\n"Tổ 1, khu A","nói ""xin chào"""\n"hai\ndòng",x\ny,z\n');
		expect(records).toEqual([
			{ line: 1, cells: ['a', 'b'] },
			{ line: 2, cells: ['Tổ 1, khu A', 'nói "xin chào"'] },
			{ line: 3, cells: ['hai\ndòng', 'x'] },
			{ line: 5, cells: ['y', 'z'] }
		]);
	});

	it('keeps empty cells', () => {
		expect(parseCsv('79,city,HCM,').records[0].cells).toEqual(['79', 'city', 'HCM', '']);
	});

	it('reports a quote that is never closed at the line it opens', () => {
		const { problems } = parseCsv('a,b\n1,2\n"open,3\n4,5\n');
		expect(problems).toEqual([{ line: 3, key: 'org.csv_quote' }]);
	});
});
