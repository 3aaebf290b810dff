// Compares the rows of a CSV with the stored tree and decides everything before anything is
// written: the problems (each on its line), or the documents to write. Rows override the
// stored units they name; paths are recomputed for the whole tree, so a ward moved under
// another parent rewrites the paths of its groups too, even when they are not in the file.

import {
	canSitUnder,
	isLiveUnit,
	orgUnitDocId,
	type ChangedField,
	type ImportedUnit,
	type OrgLevel,
	type OrgUnit
} from '$lib/domain';
import type { LineProblem } from './csv';
import { PARENT_PROBLEM } from './level-problems';
import { computePaths, samePath } from './paths';
import type { UnitRow } from './rows';
import type { OrgDoc, OrgTree } from './tree';

/** A new unit with no cadence of its own and no parent to take one from. */
export const DEFAULT_CADENCE_MONTHS = 6;

export type ImportPlan = {
	created: ImportedUnit[];
	updated: ImportedUnit[];
	unchanged: number;
	paths_rewritten: number;
	/** What to write to `hssk_org`, parents before children. */
	docs: OrgDoc[];
	/** Every ward the file names (its database must exist), and those that are new. */
	wards: string[];
	newWards: string[];
};

export type Planned = { ok: true; plan: ImportPlan } | { ok: false; problems: LineProblem[] };

type Level = { level: OrgLevel; isLive: boolean; mergedInto?: string };

function checkRow(row: UnitRow, levelOf: (code: string) => Level | undefined): LineProblem | null {
	const { line, level, parent } = row;
	if (level === 'city') return parent === null ? null : { line, key: 'org.city_parent' };
	if (parent === null) return { line, key: 'org.parent_required' };
	const above = levelOf(parent);
	if (!above) return { line, key: 'org.parent_unknown', params: { parent } };
	if (!canSitUnder(level, above.level))
		return { line, key: PARENT_PROBLEM[level], params: { parent } };
	if (!above.isLive) {
		return { line, key: 'org.parent_merged', params: { parent, into: above.mergedInto ?? '' } };
	}
	return null;
}

function changesOf(stored: OrgUnit, wanted: OrgUnit): ChangedField[] {
	const changes: ChangedField[] = [];
	if (stored.name !== wanted.name) changes.push('name');
	if (stored.parent !== wanted.parent) changes.push('parent');
	if (stored.cadence_months !== wanted.cadence_months) changes.push('cadence_months');
	if ((stored.hotline ?? '') !== (wanted.hotline ?? '')) changes.push('hotline');
	if (!samePath(stored.path, wanted.path)) changes.push('path');
	return changes;
}

function describe(row: UnitRow, changes: ChangedField[]): ImportedUnit {
	const { line, code, level, name, parent } = row;
	return { line, code, level, name, parent, changes };
}

export function planImport(rows: readonly UnitRow[], tree: OrgTree): Planned {
	const problems: LineProblem[] = [];
	const byCode = new Map<string, UnitRow>();
	for (const row of rows) {
		const first = byCode.get(row.code);
		if (first) {
			problems.push({
				line: row.line,
				key: 'org.duplicate_code',
				params: { code: row.code, line: first.line }
			});
		} else byCode.set(row.code, row);
	}

	const levelOf = (code: string): Level | undefined => {
		const stored = tree.unit(code);
		const row = byCode.get(code);
		if (!row && !stored) return undefined;
		return {
			level: row?.level ?? (stored as OrgUnit).level,
			isLive: stored ? isLiveUnit(stored) : true,
			mergedInto: stored?.merged_into
		};
	};
	for (const row of byCode.values()) {
		const problem = checkRow(row, levelOf);
		if (problem) problems.push(problem);
	}

	const parents = tree.parentLinks();
	for (const row of byCode.values()) parents.set(row.code, row.parent);
	const { paths, cycles } = computePaths(parents);
	for (const row of byCode.values()) {
		if (cycles.has(row.code)) {
			problems.push({ line: row.line, key: 'org.cycle', params: { code: row.code } });
		}
	}
	if (problems.length > 0) {
		return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
	}

	const plan: ImportPlan = {
		created: [],
		updated: [],
		unchanged: 0,
		paths_rewritten: 0,
		docs: [],
		wards: [],
		newWards: []
	};
	const cadenceOf = new Map<string, OrgUnit['cadence_months']>();
	const pathOf = (code: string) => paths.get(code) ?? [code];
	// Parents first, so a new unit can take its cadence from a parent that is new as well.
	const ordered = [...byCode.values()].sort(
		(a, b) => pathOf(a.code).length - pathOf(b.code).length || a.line - b.line
	);
	for (const row of ordered) {
		const stored = tree.units.get(row.code);
		const inherited =
			row.parent === null
				? undefined
				: (cadenceOf.get(row.parent) ?? tree.unit(row.parent)?.cadence_months);
		const cadence =
			row.cadence_months ?? stored?.unit.cadence_months ?? inherited ?? DEFAULT_CADENCE_MONTHS;
		cadenceOf.set(row.code, cadence);
		const hotline = row.hotline ?? stored?.unit.hotline;
		const wanted: OrgUnit = {
			...(stored?.unit ?? {}),
			code: row.code,
			type: 'org_unit',
			level: row.level,
			name: row.name,
			parent: row.parent,
			path: pathOf(row.code),
			cadence_months: cadence,
			...(hotline ? { hotline } : {})
		};
		if (row.level === 'ward') {
			plan.wards.push(row.code);
			if (!stored) plan.newWards.push(row.code);
		}
		const rev = tree.revs.get(row.code);
		const doc: OrgDoc = { ...(stored?.doc ?? {}), ...wanted, _id: orgUnitDocId(row.code) };
		if (rev) doc._rev = rev;
		if (!stored) {
			plan.created.push(describe(row, []));
			plan.docs.push(doc);
			continue;
		}
		const changes = changesOf(stored.unit, wanted);
		if (changes.length === 0) {
			plan.unchanged += 1;
			continue;
		}
		plan.updated.push(describe(row, changes));
		plan.docs.push(doc);
	}
	const below = tree.repathed(paths, new Set(byCode.keys()));
	plan.paths_rewritten = below.length;
	plan.docs.push(...below);
	plan.created.sort((a, b) => a.line - b.line);
	plan.updated.sort((a, b) => a.line - b.line);
	return { ok: true, plan };
}
