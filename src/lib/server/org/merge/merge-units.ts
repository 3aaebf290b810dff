// The org-tree side of a merge, as the documents that differ from what is stored: the new
// ward (made, or renamed and moved), its new groups, and the old wards and groups marked
// `merged_into`. Written before any record is copied, so the tree switches over at once and
// a record is never counted under both the old ward and the new one.

import { orgUnitDocId, type OrgUnit } from '$lib/domain';
import { computePaths } from '../paths';
import type { OrgDoc, OrgTree } from '../tree';
import type { MergePlan } from './merge-plan';

function union(list: readonly string[] | undefined, more: readonly string[]): string[] {
	return [...new Set([...(list ?? []), ...more])];
}

function differs(stored: OrgDoc | undefined, wanted: OrgDoc): boolean {
	if (!stored) return true;
	return Object.keys(wanted).some(
		(key) => JSON.stringify(stored[key]) !== JSON.stringify(wanted[key])
	);
}

export function mergeUnitDocs(tree: OrgTree, plan: MergePlan, now: Date): OrgDoc[] {
	const { into } = plan;
	const at = now.toISOString();
	const links = tree.parentLinks();
	links.set(into, plan.parent);
	for (const move of plan.groups) links.set(move.to, into);
	const { paths } = computePaths(links);
	const pathOf = (code: string) => paths.get(code) ?? [code];

	const wanted: OrgDoc[] = [];
	const stored = (code: string) => tree.units.get(code)?.doc;
	const firstSource = tree.unit(plan.sources[0]);
	const ward = tree.unit(into);
	const wardDoc: OrgUnit = {
		...(ward ?? {
			code: into,
			type: 'org_unit',
			level: 'ward',
			cadence_months: firstSource?.cadence_months ?? 6,
			...(firstSource?.hotline ? { hotline: firstSource.hotline } : {})
		}),
		name: plan.name,
		parent: plan.parent,
		path: pathOf(into),
		merged_from: union(ward?.merged_from, plan.sources)
	};
	wanted.push({ ...stored(into), ...wardDoc, _id: orgUnitDocId(into) });

	for (const { from, to, source } of plan.groups) {
		const existing = tree.unit(to);
		const group: OrgUnit = {
			...(existing ?? {
				code: to,
				type: 'org_unit',
				level: 'group',
				name: source.name,
				cadence_months: source.cadence_months,
				...(source.hotline ? { hotline: source.hotline } : {})
			}),
			parent: into,
			path: pathOf(to),
			merged_from: union(existing?.merged_from, [from])
		};
		wanted.push({ ...stored(to), ...group, _id: orgUnitDocId(to) });
		const old = tree.units.get(from);
		if (old) {
			wanted.push({ ...old.doc, merged_into: to, merged_at: old.unit.merged_at ?? at });
		}
	}
	for (const code of plan.sources) {
		const old = tree.units.get(code);
		if (old) wanted.push({ ...old.doc, merged_into: into, merged_at: old.unit.merged_at ?? at });
	}
	// An existing new ward that moved takes its own groups' paths along.
	const written = new Set(wanted.map((doc) => String(doc._id)));
	const below = tree.repathed(paths, new Set()).filter((doc) => !written.has(doc._id));
	const docs = [...wanted, ...below].filter((doc) => differs(stored(String(doc.code)), doc));
	return docs.map((doc) => {
		const rev = tree.revs.get(String(doc.code));
		return rev ? { ...doc, _rev: rev } : doc;
	});
}
