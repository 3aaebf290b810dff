import { describe, expect, it } from 'vitest';
import { planMove } from './move';
import { tree2021, tree2025, unitOf } from './org-fixtures.test-support';
import { OrgTree } from './tree';

function refusalOf(run: () => unknown): { key: string; params: unknown } {
	try {
		run();
	} catch (error) {
		const { key, params } = error as { key: string; params: unknown };
		return { key, params };
	}
	throw new Error('expected a refusal');
}

describe('moving a unit', () => {
	it('takes a 2021 ward out of its district and under the city, and its groups with it', () => {
		const docs = planMove(OrgTree.of(tree2021()), '26956', '79');
		expect(docs.map((doc) => [doc._id, doc.parent, doc.path])).toEqual([
			['org:26956', '79', ['79', '26956']],
			['org:26956-01', '26956', ['79', '26956', '26956-01']],
			['org:26956-02', '26956', ['79', '26956', '26956-02']]
		]);
	});

	it('puts a 2025 ward back under a district, which is no code change either', () => {
		const units = [...tree2025(), unitOf('765', 'district', 'Quận Bình Thạnh', ['79', '765'])];
		const docs = planMove(OrgTree.of(units), '26944', '765');
		expect(docs.map((doc) => doc.path)).toEqual([
			['79', '765', '26944'],
			['79', '765', '26944', '26944-01'],
			['79', '765', '26944', '26944-02']
		]);
	});

	it('writes nothing when the unit is already there', () => {
		expect(planMove(OrgTree.of(tree2021()), '26956', '765')).toEqual([]);
	});

	it('mends the paths below even when the unit itself is in place', () => {
		const units = tree2021();
		units[3] = { ...units[3], path: ['79', '26956', '26956-01'] };
		const docs = planMove(OrgTree.of(units), '26956', '765');
		expect(docs.map((doc) => [doc._id, doc.path])).toEqual([
			['org:26956-01', ['79', '765', '26956', '26956-01']]
		]);
	});

	it('refuses to put a unit under itself or below itself', () => {
		const tree = OrgTree.of(tree2021());
		expect(refusalOf(() => planMove(tree, '765', '26956'))).toEqual({
			key: 'org.cycle',
			params: { code: '765' }
		});
		expect(refusalOf(() => planMove(tree, '765', '765')).key).toBe('org.cycle');
	});

	it('refuses a level that cannot sit under the new parent', () => {
		const tree = OrgTree.of(tree2021());
		expect(refusalOf(() => planMove(tree, '26956', '26953'))).toEqual({
			key: 'org.ward_parent',
			params: { parent: '26953' }
		});
		expect(refusalOf(() => planMove(tree, '765', '765')).key).toBe('org.cycle');
		expect(refusalOf(() => planMove(tree, '79', '765')).key).toBe('org.cycle');
	});

	it('refuses to move a group to another ward: its code holds its ward', () => {
		expect(refusalOf(() => planMove(OrgTree.of(tree2021()), '26956-01', '26953')).key).toBe(
			'org.group_ward_fixed'
		);
	});

	it('refuses unknown and merged units and parents', () => {
		const units = tree2021();
		units[5] = { ...units[5], merged_into: '26956' };
		const tree = OrgTree.of(units);
		expect(refusalOf(() => planMove(tree, '11111', '79')).key).toBe('org.unit_unknown');
		expect(refusalOf(() => planMove(tree, '26956', '999')).key).toBe('org.parent_unknown');
		expect(refusalOf(() => planMove(tree, '26953', '79'))).toEqual({
			key: 'org.unit_merged',
			params: { code: '26953', into: '26956' }
		});
	});
});
