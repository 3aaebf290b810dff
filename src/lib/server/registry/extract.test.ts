import { describe, expect, it } from 'vitest';
import { readExtract } from './extract';
import { groupCodeOf, splitAddress } from './extract-values';

const WARD = '26956';
const GROUPS = new Set(['26956-01', '26956-02']);
const HEADER = 'household_code,group,address,citizen_id,full_name,birth_date,sex,relation\n';

function read(text: string) {
	return readExtract(text, WARD, GROUPS);
}

function keys(text: string) {
	return read(text).problems.map((problem) => [problem.line, problem.key]);
}

describe('readExtract, CSV', () => {
	it('groups members by household and reads the registry words', () => {
		const extract = read(
			HEADER +
				'HK001,1,12/3A Xô Viết Nghệ Tĩnh,079080001234,Nguyễn Văn An,12/3/1980,Nam,Chủ hộ\n' +
				'HK001,1,12/3A Xô Viết Nghệ Tĩnh,,Trần Thị Bình,1982,Nữ,Vợ\n' +
				'HK002,26956-02,"5 Hẻm 12, Đường D2",,Lê Văn Cường,2001-01-31,nam,chu ho\n'
		);
		expect(extract.problems).toEqual([]);
		expect(extract.format).toBe('csv');
		expect(extract.rows).toBe(3);
		expect(extract.households).toEqual([
			{
				code: 'HK001',
				group: '26956-01',
				house_number: '12/3A',
				street: 'Xô Viết Nghệ Tĩnh',
				line: 2,
				members: [
					{
						line: 2,
						citizen_id: '079080001234',
						full_name: 'Nguyễn Văn An',
						birth_date: '1980-03-12',
						sex: 'male',
						relation: 'head'
					},
					{
						line: 3,
						full_name: 'Trần Thị Bình',
						birth_date: '1982',
						sex: 'female',
						relation: 'spouse'
					}
				]
			},
			expect.objectContaining({ code: 'HK002', group: '26956-02', street: 'Hẻm 12, Đường D2' })
		]);
	});

	it('takes Vietnamese header names in any order and split address columns', () => {
		const extract = read(
			'Họ tên,Ngày sinh,Giới tính,Quan hệ với chủ hộ,Số CCCD,Mã hộ,Tổ,Số nhà,Đường\n' +
				'Phạm Thị Dung,01/02/1990,Nữ,Chủ hộ,,HK9,2,7,Bạch Đằng\n'
		);
		expect(extract.problems).toEqual([]);
		expect(extract.households[0]).toMatchObject({
			code: 'HK9',
			house_number: '7',
			street: 'Bạch Đằng'
		});
	});

	it('reports missing and unknown columns on the header line', () => {
		expect(keys('household_code,full_name,colour\nHK1,An,red\n')).toEqual([
			[1, 'registry.unknown_column'],
			[1, 'registry.missing_column'],
			[1, 'registry.missing_column'],
			[1, 'registry.missing_column'],
			[1, 'registry.missing_column'],
			[1, 'registry.missing_column'],
			[1, 'registry.missing_column']
		]);
		expect(keys('household_code;group;full_name\nHK1;1;An\n')).toEqual([[1, 'registry.delimiter']]);
	});

	it('checks every cell on its line: citizen ID, impossible dates, sex, relation, group', () => {
		expect(
			keys(
				HEADER +
					'HK1,1,1 A,07908000123,Nguyễn Văn An,12/3/1980,Nam,Chủ hộ\n' +
					'HK2,1,1 B,079090001234,Nguyễn Văn Bé,12/3/1980,Nam,Chủ hộ\n' +
					'HK3,1,1 C,,Lê Thị Cúc,31/02/1990,Nữ,Chủ hộ\n' +
					'HK4,1,1 D,,Lê Thị Dạ,1/1/2990,Nữ,Chủ hộ\n' +
					'HK5,9,1 E,,Lê 3,1990,X,Bạn\n'
			)
		).toEqual([
			[2, 'registry.cccd_format'],
			[3, 'registry.cccd_birth_year'],
			[4, 'registry.date_not_exist'],
			[5, 'registry.date_future'],
			[6, 'registry.group_unknown'],
			[6, 'registry.name_invalid'],
			[6, 'registry.sex_invalid'],
			[6, 'registry.relation_invalid']
		]);
	});

	it('checks a household against itself and the file against itself', () => {
		expect(
			keys(
				HEADER +
					'HK1,1,1 A,079080001234,Nguyễn Văn An,12/3/1980,Nam,Chủ hộ\n' +
					'HK1,2,1 A,,Nguyễn Văn Ba,2010,Nam,Con\n' +
					'HK1,1,1 A,,Nguyễn Văn An,12/03/1980,Nam,Con\n' +
					'HK2,1,2 A,079080001234,Trần Văn An,12/3/1980,Nam,Chủ hộ\n' +
					'HK3,1,3 A,,Lê Thị Lan,1970,Nữ,Vợ\n' +
					'HK4,1,4 A,,Lê Văn Hùng,1970,Nam,Chủ hộ\n' +
					'HK4,1,4 A,,Lê Văn Dũng,1972,Nam,Chủ hộ\n'
			)
		).toEqual([
			[3, 'registry.household_mismatch'],
			[4, 'registry.duplicate_member'],
			[5, 'registry.duplicate_citizen_id'],
			[6, 'registry.no_head'],
			[8, 'registry.two_heads']
		]);
	});

	it('says a file whose last line is short and unterminated is cut off', () => {
		const text = HEADER + 'HK1,1,1 A,,Nguyễn Văn An,1980,Nam,Chủ hộ\nHK2,1,2 B,,Trần';
		expect(read(text).problems).toEqual([
			{ line: 3, key: 'registry.cut_off', params: { line: 3 } }
		]);
		expect(keys(HEADER + 'HK1,1,1 A,,Nguyễn Văn An,1980,Nam\n')).toEqual([
			[2, 'registry.field_count']
		]);
	});

	it('says an unterminated quote is a file cut off', () => {
		expect(keys(HEADER + 'HK1,1,"1 A,,Nguyễn Văn An,1980,Nam,Chủ hộ\n')).toEqual([
			[2, 'registry.cut_off_quote']
		]);
	});
});

describe('readExtract, JSON lines', () => {
	it('reads households with members and single members', () => {
		const text =
			JSON.stringify({
				household_code: 'HK1',
				group: '1',
				address: '1 A',
				members: [
					{ full_name: 'Nguyễn Văn An', birth_date: '1980', sex: 'Nam', relation: 'Chủ hộ' },
					{ full_name: 'Nguyễn Văn Ba', birth_date: '2010', sex: 'Nam', relation: 'Con' }
				]
			}) +
			'\n' +
			JSON.stringify({
				household_code: 'HK2',
				group: '2',
				house_number: '2',
				street: 'B',
				full_name: 'Lê Thị Lan',
				birth_date: '1970',
				sex: 'Nữ',
				relation: 'Chủ hộ'
			}) +
			'\n';
		const extract = read(text);
		expect(extract.problems).toEqual([]);
		expect(extract.format).toBe('jsonl');
		expect(extract.households.map((household) => household.members.length)).toEqual([2, 1]);
	});

	it('reports a line that is not JSON, a number where text is due, and a cut-off last line', () => {
		const good = JSON.stringify({
			household_code: 'HK1',
			group: '1',
			address: '1 A',
			full_name: 'Nguyễn Văn An',
			birth_date: '1980',
			sex: 'Nam',
			relation: 'Chủ hộ'
		});
		expect(
			keys(`${good}\nnot json\n${good.replace('"1980"', '1980')}\n${good.slice(0, 30)}`)
		).toEqual([
			[2, 'registry.json_invalid'],
			[3, 'registry.json_field'],
			[3, 'registry.required'],
			[4, 'registry.cut_off']
		]);
	});
});

describe('cells', () => {
	it('reads a group as its number or code', () => {
		expect(groupCodeOf('3', WARD)).toBe('26956-03');
		expect(groupCodeOf('26956-12', WARD)).toBe('26956-12');
		expect(groupCodeOf('tổ 3', WARD)).toBeNull();
	});
	it('splits an address at its house number', () => {
		expect(splitAddress('12/3A Xô Viết Nghệ Tĩnh')).toEqual({
			house_number: '12/3A',
			street: 'Xô Viết Nghệ Tĩnh'
		});
		expect(splitAddress('Xô Viết Nghệ Tĩnh')).toBeNull();
	});
});
