// What merging wards means for the org tree, decided from the tree alone so a rerun decides
// the same: the new ward (made, or an existing ward that absorbs the others), and each
// source group's new code `<new ward>-<nn>`, numbered on after the groups the new ward has.
// The mapping is kept on the units themselves (`merged_into` on the old group, `merged_from`
// on the new one), so a run that stopped half way finds it again.

import { canSitUnder, isLiveUnit, ORG_NAME_MAX, WARD_CODE, type OrgUnit } from '$lib/domain';
import { cleanName } from '../rows';
import { OrgRefusal } from '../refusal';
import type { OrgTree } from '../tree';

export type MergeRequest = {
	/** The new ward's official code. */
	into: string;
	name: string;
	parent: string;
	sources: readonly string[];
};

export type GroupMove = { from: string; to: string; source: OrgUnit };

export type MergePlan = {
	into: string;
	name: string;
	parent: string;
	/** The wards whose records move, in the order given (the new ward itself left out). */
	sources: string[];
	groups: GroupMove[];
	/** Every old code (wards and groups) to its new one. */
	codes: Map<string, string>;
};

const MAX_GROUP_NUMBER = 999;

function groupNumber(code: string, ward: string): number | null {
	if (!code.startsWith(`${ward}-`)) return null;
	const number = Number(code.slice(ward.length + 1));
	return Number.isInteger(number) ? number : null;
}

function checkRequest(request: MergeRequest, tree: OrgTree): { name: string; sources: string[] } {
	const { into, parent } = request;
	if (!WARD_CODE.test(into)) throw new OrgRefusal('org.merge_into_code', { code: into });
	const existing = tree.unit(into);
	if (existing && existing.level !== 'ward') {
		throw new OrgRefusal('org.merge_into_level', { code: into });
	}
	if (existing && !isLiveUnit(existing)) {
		throw new OrgRefusal('org.unit_merged', { code: into, into: existing.merged_into ?? '' });
	}
	const name = cleanName(request.name);
	if (!name) throw new OrgRefusal('org.name_required');
	if (name.length > ORG_NAME_MAX) throw new OrgRefusal('org.name_too_long', { max: ORG_NAME_MAX });
	const above = tree.unit(parent);
	if (!above) throw new OrgRefusal('org.parent_unknown', { parent });
	if (!isLiveUnit(above)) {
		throw new OrgRefusal('org.parent_merged', { parent, into: above.merged_into ?? '' });
	}
	if (!canSitUnder('ward', above.level)) throw new OrgRefusal('org.ward_parent', { parent });
	// The new ward may be one of the old ones (keeping its code): it keeps its own records.
	const sources = [...new Set(request.sources)].filter((code) => code !== into);
	if (sources.length === 0) throw new OrgRefusal('org.merge_no_sources');
	for (const code of sources) {
		const source = tree.unit(code);
		if (!source || source.level !== 'ward') {
			throw new OrgRefusal('org.merge_source_not_ward', { code });
		}
		if (source.merged_into !== undefined && source.merged_into !== into) {
			throw new OrgRefusal('org.merge_source_elsewhere', { code, into: source.merged_into });
		}
	}
	return { name, sources };
}

export function planMerge(request: MergeRequest, tree: OrgTree): MergePlan {
	const { into, parent } = request;
	const { name, sources } = checkRequest(request, tree);

	// What an earlier run already decided, from either side of the mapping.
	const decided = new Map<string, string>();
	let highest = 0;
	for (const { unit } of tree.units.values()) {
		const number = groupNumber(unit.code, into);
		if (unit.level !== 'group' || number === null) continue;
		highest = Math.max(highest, number);
		for (const from of unit.merged_from ?? []) decided.set(from, unit.code);
	}
	const groups: GroupMove[] = [];
	const codes = new Map<string, string>();
	for (const ward of sources) {
		codes.set(ward, into);
		const children = tree
			.childrenOf(ward)
			.filter((child) => child.level === 'group')
			.sort((a, b) => a.code.localeCompare(b.code));
		for (const group of children) {
			const earlier = group.merged_into ?? decided.get(group.code);
			if (earlier !== undefined && groupNumber(earlier, into) === null) continue;
			let to = earlier;
			if (to === undefined) {
				highest += 1;
				if (highest > MAX_GROUP_NUMBER) throw new OrgRefusal('org.code_level', { code: into });
				to = `${into}-${String(highest).padStart(2, '0')}`;
			}
			groups.push({ from: group.code, to, source: group });
			codes.set(group.code, to);
		}
	}
	return { into, name, parent, sources, groups, codes };
}
