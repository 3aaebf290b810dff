import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { planImport, type Planned } from './import-plan';
import { tree2021, tree2025, unitOf } from './org-fixtures.test-support';
import { readRows } from './rows';
import { OrgTree } from './tree';

const HEADER = 'code,level,name,parent,cadence_months,hotline\n';

function plan(csv: string, tree: OrgTree = OrgTree.of([])): Planned {
	const { rows, problems } = readRows(parseCsv(HEADER + csv).records);
	expect(problems).toEqual([]);
	return planImport(rows, tree);
}

function planned(csv: string, tree?: OrgTree) {
	const result = plan(csv, tree);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.plan;
}

function pathsOf(docs: Record<string, unknown>[]) {
	return Object.fromEntries(docs.map((doc) => [String(doc.code), doc.path]));
}

describe('importing a whole tree', () => {
	it('builds the three levels of 2021, parents after children in the file or not', () => {
		const result = planned(
			'26956-01,group,Tổ dân phố 1,26956,,\n' +
				'26956,ward,Phường 27,765,3,\n' +
				'765,district,Quận Bình Thạnh,79,,\n' +
				'79,city,Thành phố Hồ Chí Minh,,6,1900 0000\n'
		);
		expect(result.created.map((unit) => unit.code)).toEqual(['26956-01', '26956', '765', '79']);
		expect(pathsOf(result.docs)).toEqual({
			'79': ['79'],
			'765': ['79', '765'],
			'26956': ['79', '765', '26956'],
			'26956-01': ['79', '765', '26956', '26956-01']
		});
		const byCode = new Map(result.docs.map((doc) => [doc.code, doc]));
		// A new unit without a cadence takes its parent's: the group its ward's 3 months.
		expect(byCode.get('26956-01')?.cadence_months).toBe(3);
		expect(byCode.get('765')?.cadence_months).toBe(6);
		expect(byCode.get('79')?.hotline).toBe('1900 0000');
		expect(byCode.get('26956-01')?._id).toBe('org:26956-01');
		expect(result.newWards).toEqual(['26956']);
	});

	it('builds the two levels of 2025 without any district', () => {
		const result = planned(
			'79,city,Thành phố Hồ Chí Minh,,,\n' +
				'26944,ward,Phường Bình Thạnh,79,,\n' +
				'26944-01,group,Khu phố 1,26944,,\n'
		);
		expect(pathsOf(result.docs)).toEqual({
			'79': ['79'],
			'26944': ['79', '26944'],
			'26944-01': ['79', '26944', '26944-01']
		});
		expect(result.docs.every((doc) => doc.cadence_months === 6)).toBe(true);
	});
});

describe('importing into a stored tree', () => {
	it('tells new, changed and unchanged units apart, and a second run finds nothing to do', () => {
		const tree = OrgTree.of(tree2021());
		const csv =
			'26956,ward,Phường 27,765,,\n' +
			'26956-01,group,Tổ dân phố Một,26956,,\n' +
			'26956-02,group,Tổ dân phố 2,26956,3,0283 123 456\n' +
			'26956-03,group,Tổ dân phố 3,26956,,\n';
		const result = planned(csv, tree);
		expect(result.created.map((unit) => unit.code)).toEqual(['26956-03']);
		expect(result.updated.map((unit) => [unit.code, unit.changes])).toEqual([
			['26956-01', ['name']],
			['26956-02', ['cadence_months', 'hotline']]
		]);
		expect(result.unchanged).toBe(1);
		expect(result.docs).toHaveLength(3);

		const after = OrgTree.of(
			tree2021()
				.filter((unit) => !result.docs.some((doc) => doc.code === unit.code))
				.concat(result.docs.map((doc) => ({ ...unitOf('', 'group', '', []), ...doc })))
		);
		const again = planned(csv, after);
		expect(again.docs).toEqual([]);
		expect(again.unchanged).toBe(4);
	});

	it('moves the 2021 wards under the city as in 2025, rewriting their groups paths too', () => {
		const tree = OrgTree.of(tree2021());
		const result = planned('26956,ward,Phường 27,79,,\n' + '26953,ward,Phường 25,79,,\n', tree);
		expect(result.updated.map((unit) => [unit.code, unit.changes])).toEqual([
			['26956', ['parent', 'path']],
			['26953', ['parent', 'path']]
		]);
		expect(result.paths_rewritten).toBe(3);
		expect(pathsOf(result.docs)).toEqual({
			'26956': ['79', '26956'],
			'26953': ['79', '26953'],
			'26956-01': ['79', '26956', '26956-01'],
			'26956-02': ['79', '26956', '26956-02'],
			'26953-01': ['79', '26953', '26953-01']
		});
	});

	it('keeps fields it does not manage, such as a merge mark', () => {
		const units = tree2025();
		units[2] = { ...units[2], merged_into: '26999-01' };
		const result = planned('26944-01,group,Khu phố Một,26944,,\n', OrgTree.of(units));
		expect(result.docs[0]).toMatchObject({ name: 'Khu phố Một', merged_into: '26999-01' });
	});
});

describe('refusing a file', () => {
	it('names unknown parents, wrong levels, duplicates and merged parents by line', () => {
		const units = tree2021();
		units[5] = { ...units[5], merged_into: '26956' };
		const result = plan(
			'26960,ward,Phường 30,766,,\n' +
				'766,district,Quận 2,765,,\n' +
				'26961,ward,Phường 31,26956,,\n' +
				'26956-05,group,Tổ 5,26956,,\n' +
				'26956-05,group,Tổ 5 lần nữa,26956,,\n' +
				'26953-02,group,Tổ 2,26953,,\n' +
				'80,city,Tỉnh X,79,,\n' +
				'26962,ward,Phường 32,,,\n',
			OrgTree.of(units)
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toEqual([
			{ line: 3, key: 'org.district_parent', params: { parent: '765' } },
			{ line: 4, key: 'org.ward_parent', params: { parent: '26956' } },
			{ line: 6, key: 'org.duplicate_code', params: { code: '26956-05', line: 5 } },
			{ line: 7, key: 'org.parent_merged', params: { parent: '26953', into: '26956' } },
			{ line: 8, key: 'org.city_parent' },
			{ line: 9, key: 'org.parent_required' }
		]);
	});

	it('refuses a parent that is neither in the file nor in the tree', () => {
		const result = plan('26944,ward,Phường Bình Thạnh,78,,\n', OrgTree.of(tree2025()));
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problems).toEqual([
				{ line: 2, key: 'org.parent_unknown', params: { parent: '78' } }
			]);
		}
	});
});
