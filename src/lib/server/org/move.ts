// Moving a unit under another parent rewrites `path` in `hssk_org` for the unit and every
// unit below it, and nothing else: ward databases name only a record's ward and group, so
// not one of their documents changes. Refused when the move would put the unit under itself
// or under a level it cannot sit under. Moving a unit to where it already is writes nothing.

import { canSitUnder, isLiveUnit, orgUnitDocId, wardOfGroup } from '$lib/domain';
import type { CouchClient } from '../couch/client';
import { PARENT_PROBLEM } from './level-problems';
import { writeOrgDocs } from './org-writes';
import { computePaths, samePath, wouldCycle } from './paths';
import { OrgRefusal } from './refusal';
import { loadOrgTree, type OrgDoc, type OrgTree } from './tree';

export type MoveResult = { code: string; parent: string; written: number; below: number };

/** The documents a move writes, the moved unit first; a refusal when it cannot be done. */
export function planMove(tree: OrgTree, code: string, parentCode: string): OrgDoc[] {
	const stored = tree.units.get(code);
	if (!stored) throw new OrgRefusal('org.unit_unknown', { code });
	const { unit } = stored;
	if (!isLiveUnit(unit)) {
		throw new OrgRefusal('org.unit_merged', { code, into: unit.merged_into ?? '' });
	}
	const parent = tree.unit(parentCode);
	if (!parent) throw new OrgRefusal('org.parent_unknown', { parent: parentCode });
	if (!isLiveUnit(parent)) {
		throw new OrgRefusal('org.parent_merged', {
			parent: parentCode,
			into: parent.merged_into ?? ''
		});
	}
	const links = tree.parentLinks();
	if (wouldCycle(links, code, parentCode)) throw new OrgRefusal('org.cycle', { code });
	if (!canSitUnder(unit.level, parent.level)) {
		throw new OrgRefusal(PARENT_PROBLEM[unit.level], { parent: parentCode });
	}
	if (unit.level === 'group' && wardOfGroup(code) !== parentCode) {
		throw new OrgRefusal('org.group_ward_fixed');
	}
	links.set(code, parentCode);
	const { paths } = computePaths(links);
	const path = paths.get(code) ?? [...parent.path, code];
	const docs: OrgDoc[] = [];
	if (unit.parent !== parentCode || !samePath(unit.path, path)) {
		docs.push({ ...stored.doc, _id: orgUnitDocId(code), parent: parentCode, path });
	}
	return [...docs, ...tree.repathed(paths, new Set([code]))];
}

export async function moveUnit(
	client: CouchClient,
	code: string,
	parentCode: string
): Promise<MoveResult> {
	const docs = planMove(await loadOrgTree(client), code, parentCode);
	const written = await writeOrgDocs(client, docs);
	const below = docs.filter((doc) => doc._id !== orgUnitDocId(code)).length;
	return { code, parent: parentCode, written, below };
}
