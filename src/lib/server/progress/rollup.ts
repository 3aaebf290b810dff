// A unit's progress: its own numbers, its children's (districts, wards or groups), and the
// declarations per day, summed from the wards below it through the org tree.

import {
	addTrends,
	emptyCounts,
	sumCounts,
	type DailyDeclarations,
	type OrgUnit,
	type ProgressCounts,
	type UnitProgress,
	type UnitRef
} from '$lib/domain';
import { mapLimited } from '../gateway/placement';
import type { OrgTree } from './org-tree';
import { WARDS_AT_ONCE, type WardProgressCache } from './ward-cache';
import type { WardProgress } from './ward-progress';

function ref(unit: OrgUnit): UnitRef {
	return { code: unit.code, name: unit.name, level: unit.level };
}

function groupCounts(progress: WardProgress | undefined, group: string): ProgressCounts {
	return progress?.groups.get(group) ?? emptyCounts();
}

/** Sums a ward's groups as the tree names them, plus any group its records name that the
 * tree does not (so nothing declared is left out of the ward's total). */
function wardCounts(progress: WardProgress): ProgressCounts {
	return sumCounts(progress.groups.values());
}

export async function unitProgress(
	tree: OrgTree,
	wards: WardProgressCache,
	code: string,
	now: Date = new Date()
): Promise<UnitProgress | null> {
	const unit = tree.unit(code);
	if (!unit) return null;
	const base = {
		unit: ref(unit),
		lineage: tree.lineage(code).map(ref),
		cadence_months: unit.cadence_months,
		computed_at: now.toISOString()
	};
	if (unit.level === 'group') {
		const ward = unit.parent ? tree.unit(unit.parent) : null;
		const progress = ward ? await wards.get(ward.code, ward.cadence_months) : undefined;
		return {
			...base,
			counts: groupCounts(progress, code),
			trend: progress?.groupTrends.get(code) ?? [],
			children: []
		};
	}
	const below = tree.wardsUnder(code);
	// A ward's own dashboard shows a write at once; a view over several wards takes each
	// ward's last reading while a check of it runs (ward-cache.ts).
	const options = { allowStale: below.length > 1 };
	const read = await mapLimited(below, WARDS_AT_ONCE, (ward) =>
		wards.get(ward.code, ward.cadence_months, options)
	);
	const byWard = new Map(read.map((progress) => [progress.ward, progress]));
	const trend = read.reduce<DailyDeclarations[]>(
		(sum, progress) => addTrends(sum, progress.trend),
		[]
	);
	const counts = sumCounts(read.map(wardCounts));
	const children =
		unit.level === 'ward'
			? tree
					.children(code)
					.filter((child) => child.level === 'group')
					.map((group) => ({ ...ref(group), counts: groupCounts(byWard.get(code), group.code) }))
			: tree
					.children(code)
					.filter((child) => child.level !== 'group')
					.map((child) => ({
						...ref(child),
						counts: sumCounts(
							tree.wardsUnder(child.code).map((ward) => {
								const progress = byWard.get(ward.code);
								return progress ? wardCounts(progress) : emptyCounts();
							})
						)
					}));
	return { ...base, counts, trend, children };
}
