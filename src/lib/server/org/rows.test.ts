import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { readRows } from './rows';

const read = (text: string) => readRows(parseCsv(text).records);

describe('org CSV columns', () => {
	it('reads the four required columns in any order and the two optional ones', () => {
		const { rows, problems } = read(
			'name,parent,level,code,hotline,cadence_months\n' +
				'Phường 27,765,ward,26956,1900 0000,3\n' +
				'Tổ dân phố 1,26956,group,26956-01,,\n'
		);
		expect(problems).toEqual([]);
		expect(rows).toEqual([
			{
				line: 2,
				code: '26956',
				level: 'ward',
				name: 'Phường 27',
				parent: '765',
				cadence_months: 3,
				hotline: '1900 0000'
			},
			{ line: 3, code: '26956-01', level: 'group', name: 'Tổ dân phố 1', parent: '26956' }
		]);
	});

	it('reports every missing, unknown or repeated column on the header line', () => {
		expect(read('code,level,nmae,code\n1,2,3,4\n').problems).toEqual([
			{ line: 1, key: 'org.csv_unknown_column', params: { column: 'nmae' } },
			{ line: 1, key: 'org.csv_duplicate_column', params: { column: 'code' } },
			{ line: 1, key: 'org.csv_missing_column', params: { column: 'name' } },
			{ line: 1, key: 'org.csv_missing_column', params: { column: 'parent' } }
		]);
	});

	it('says so when the columns are separated by semicolons', () => {
		expect(read('code;level;name;parent\n79;city;HCM;\n').problems).toEqual([
			{ line: 1, key: 'org.csv_delimiter' }
		]);
	});

	it('accepts a comma at the end of every line, as some spreadsheets write', () => {
		const { rows, problems } = read('code,level,name,parent,\n79,city,HCM,,\n');
		expect(problems).toEqual([]);
		expect(rows).toHaveLength(1);
	});

	it('refuses an empty file or a header alone', () => {
		expect(read('').problems).toEqual([{ line: 1, key: 'org.csv_empty' }]);
		expect(read('code,level,name,parent\n').problems).toEqual([{ line: 2, key: 'org.csv_empty' }]);
	});
});

describe('org CSV cells', () => {
	const header = 'code,level,name,parent,cadence_months,hotline\n';

	it('reports each bad cell of a line, with the line number of the file', () => {
		const { problems } = read(
			header +
				'79,city,Thành phố Hồ Chí Minh,,,\n' +
				'7650,district,Quận Bình Thạnh,79,4,abc\n' +
				'26956,town,Phường 27,765,,\n' +
				'26956-1,group,,26956,,\n' +
				`26957,ward,${'x'.repeat(121)},765,,\n` +
				',ward,Không mã,765,,\n' +
				'26957-01,group,Tổ 1,26956,,\n' +
				'79,city\n'
		);
		expect(problems).toEqual([
			{ line: 3, key: 'org.code_level', params: { code: '7650' } },
			{ line: 3, key: 'org.cadence_invalid', params: { value: '4' } },
			{ line: 3, key: 'org.hotline_invalid' },
			{ line: 4, key: 'org.level_invalid', params: { value: 'town' } },
			{ line: 5, key: 'org.code_level', params: { code: '26956-1' } },
			{ line: 5, key: 'org.name_required' },
			{ line: 6, key: 'org.name_too_long', params: { max: 120 } },
			{ line: 7, key: 'org.code_required' },
			{ line: 8, key: 'org.group_code_parent', params: { code: '26957-01', parent: '26956' } },
			{ line: 9, key: 'org.csv_field_count', params: { found: 2, expected: 6 } }
		]);
	});

	it('refuses markup in a name', () => {
		const { problems } = read(`${header}26956,ward,Phường <script>alert(1)</script>,765,,\n`);
		expect(problems).toEqual([{ line: 2, key: 'text.markup', params: {} }]);
	});

	it('tidies names: composed Vietnamese, single spaces', () => {
		const decomposed = 'Phường  27 '.normalize('NFD');
		const { rows } = read(`${header}26956,ward,${decomposed},765,,\n`);
		expect(rows[0].name).toBe('Phường 27');
		expect(rows[0].name).toBe(rows[0].name.normalize('NFC'));
	});

	it('takes a level in any case and leaves an empty parent as none', () => {
		const { rows } = read(`${header}79,CITY,HCM,,6,\n`);
		expect(rows[0]).toMatchObject({ level: 'city', parent: null, cadence_months: 6 });
	});
});
