import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '$lib/domain';
import { tree2021, unitOf } from '../org-fixtures.test-support';
import { OrgTree } from '../tree';
import { planMerge, type MergeRequest } from './merge-plan';
import { mergeUnitDocs } from './merge-units';

const NOW = new Date('2025-07-01T00:00:00Z');

/** 2021 with a second district: 26734 Phường 1 of district 761, groups 01–03. */
function twoDistricts(): OrgUnit[] {
	return [
		...tree2021(),
		unitOf('761', 'district', 'Quận 12', ['79', '761']),
		unitOf('26734', 'ward', 'Phường 1', ['79', '761', '26734']),
		unitOf('26734-01', 'group', 'Tổ 1', ['79', '761', '26734', '26734-01']),
		unitOf('26734-02', 'group', 'Tổ 2', ['79', '761', '26734', '26734-02']),
		unitOf('26734-03', 'group', 'Tổ 3', ['79', '761', '26734', '26734-03'])
	];
}

const REQUEST: MergeRequest = {
	into: '26999',
	name: 'Phường Mới',
	parent: '79',
	sources: ['26956', '26734']
};

function refusalKey(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		return (error as { key: string }).key;
	}
	throw new Error('expected a refusal');
}

/** The tree after writing a merge's documents, as the next run would read it. */
function applied(units: OrgUnit[], docs: Record<string, unknown>[]): OrgTree {
	const byCode = new Map(units.map((unit) => [unit.code, unit]));
	for (const doc of docs) {
		const unit = { ...doc };
		delete unit._id;
		delete unit._rev;
		byCode.set(String(doc.code), unit as OrgUnit);
	}
	return OrgTree.of([...byCode.values()]);
}

describe('planning a merge', () => {
	it('numbers the source groups on in the new ward, ward by ward in the order given', () => {
		const plan = planMerge(REQUEST, OrgTree.of(twoDistricts()));
		expect(plan.groups.map(({ from, to }) => [from, to])).toEqual([
			['26956-01', '26999-01'],
			['26956-02', '26999-02'],
			['26734-01', '26999-03'],
			['26734-02', '26999-04'],
			['26734-03', '26999-05']
		]);
		expect(plan.codes.get('26956')).toBe('26999');
		expect(plan.codes.get('26734')).toBe('26999');
	});

	it('lets the new ward keep the code of one of the old ones, numbering after its groups', () => {
		const plan = planMerge(
			{ ...REQUEST, into: '26956', sources: ['26956', '26734'] },
			OrgTree.of(twoDistricts())
		);
		expect(plan.sources).toEqual(['26734']);
		expect(plan.groups.map(({ from, to }) => [from, to])).toEqual([
			['26734-01', '26956-03'],
			['26734-02', '26956-04'],
			['26734-03', '26956-05']
		]);
	});

	it('finds the same mapping again after a run, from the marks on the units', () => {
		const units = twoDistricts();
		const first = planMerge(REQUEST, OrgTree.of(units));
		const docs = mergeUnitDocs(OrgTree.of(units), first, NOW);
		const after = applied(units, docs);
		const again = planMerge(REQUEST, after);
		expect(again.groups.map(({ from, to }) => [from, to])).toEqual(
			first.groups.map(({ from, to }) => [from, to])
		);
		expect(mergeUnitDocs(after, again, new Date('2025-08-01T00:00:00Z'))).toEqual([]);
	});

	it('finds the mapping from the new groups alone when the old ones were not marked yet', () => {
		const units = twoDistricts();
		const plan = planMerge(REQUEST, OrgTree.of(units));
		const docs = mergeUnitDocs(OrgTree.of(units), plan, NOW).filter(
			(doc) => doc.code === '26999-04' || doc.code === '26999'
		);
		const again = planMerge(REQUEST, applied(units, docs));
		expect(again.codes.get('26734-02')).toBe('26999-04');
		expect(again.codes.get('26956-01')).toBe('26999-05');
	});

	it('refuses what cannot be merged', () => {
		const tree = OrgTree.of(twoDistricts());
		expect(refusalKey(() => planMerge({ ...REQUEST, into: '2699' }, tree))).toBe(
			'org.merge_into_code'
		);
		expect(refusalKey(() => planMerge({ ...REQUEST, parent: '26953' }, tree))).toBe(
			'org.ward_parent'
		);
		expect(refusalKey(() => planMerge({ ...REQUEST, parent: '78' }, tree))).toBe(
			'org.parent_unknown'
		);
		expect(refusalKey(() => planMerge({ ...REQUEST, sources: ['765'] }, tree))).toBe(
			'org.merge_source_not_ward'
		);
		expect(refusalKey(() => planMerge({ ...REQUEST, sources: ['26999'] }, tree))).toBe(
			'org.merge_no_sources'
		);
		expect(refusalKey(() => planMerge({ ...REQUEST, name: '  ' }, tree))).toBe('org.name_required');
		const units = twoDistricts();
		units[5] = { ...units[5], merged_into: '26111' };
		expect(refusalKey(() => planMerge({ ...REQUEST, sources: ['26953'] }, OrgTree.of(units)))).toBe(
			'org.merge_source_elsewhere'
		);
	});
});

describe('the org tree after a merge', () => {
	it('makes the new ward and its groups and marks every old unit merged', () => {
		const tree = OrgTree.of(twoDistricts());
		const docs = mergeUnitDocs(tree, planMerge(REQUEST, tree), NOW);
		const byCode = new Map(docs.map((doc) => [doc.code, doc]));
		expect(byCode.get('26999')).toMatchObject({
			_id: 'org:26999',
			level: 'ward',
			name: 'Phường Mới',
			parent: '79',
			path: ['79', '26999'],
			merged_from: ['26956', '26734']
		});
		expect(byCode.get('26999-03')).toMatchObject({
			name: 'Tổ 1',
			parent: '26999',
			path: ['79', '26999', '26999-03'],
			merged_from: ['26734-01']
		});
		expect(byCode.get('26734-01')).toMatchObject({
			merged_into: '26999-03',
			merged_at: NOW.toISOString(),
			parent: '26734'
		});
		expect(byCode.get('26956')).toMatchObject({ merged_into: '26999' });
		expect(byCode.get('26734')).toMatchObject({ merged_into: '26999' });
		// Phường 25 was not merged: untouched.
		expect(byCode.has('26953')).toBe(false);
		expect(docs).toHaveLength(1 + 5 + 5 + 2);
	});

	it('moves an existing new ward under the given parent, its own groups with it', () => {
		const tree = OrgTree.of(twoDistricts());
		const plan = planMerge({ ...REQUEST, into: '26956', sources: ['26734'] }, tree);
		const docs = mergeUnitDocs(tree, plan, NOW);
		const byCode = new Map(docs.map((doc) => [doc.code, doc]));
		expect(byCode.get('26956')).toMatchObject({ parent: '79', path: ['79', '26956'] });
		expect(byCode.get('26956-01')).toMatchObject({ path: ['79', '26956', '26956-01'] });
		expect(byCode.get('26956-01')?.merged_into).toBeUndefined();
		expect(byCode.get('26956-03')).toMatchObject({ merged_from: ['26734-01'] });
	});
});
