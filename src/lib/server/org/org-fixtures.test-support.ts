// Small org trees for tests: Ho Chi Minh City as it was in 2021 (city → district → ward →
// group) and as it is since 2025 (city → ward → group).

import type { OrgLevel, OrgUnit } from '$lib/domain';

export function unitOf(code: string, level: OrgLevel, name: string, path: string[]): OrgUnit {
	return {
		code,
		type: 'org_unit',
		level,
		name,
		parent: path.length > 1 ? path[path.length - 2] : null,
		path,
		cadence_months: 6
	};
}

/** 79 → 765 Bình Thạnh → 26956 Phường 27 (groups 01, 02) and 26953 Phường 25 (group 01). */
export function tree2021(): OrgUnit[] {
	return [
		unitOf('79', 'city', 'Thành phố Hồ Chí Minh', ['79']),
		unitOf('765', 'district', 'Quận Bình Thạnh', ['79', '765']),
		unitOf('26956', 'ward', 'Phường 27', ['79', '765', '26956']),
		unitOf('26956-01', 'group', 'Tổ dân phố 1', ['79', '765', '26956', '26956-01']),
		unitOf('26956-02', 'group', 'Tổ dân phố 2', ['79', '765', '26956', '26956-02']),
		unitOf('26953', 'ward', 'Phường 25', ['79', '765', '26953']),
		unitOf('26953-01', 'group', 'Tổ dân phố 1', ['79', '765', '26953', '26953-01'])
	];
}

/** 79 → 26944 Phường Bình Thạnh (groups 01, 02): no district in between. */
export function tree2025(): OrgUnit[] {
	return [
		unitOf('79', 'city', 'Thành phố Hồ Chí Minh', ['79']),
		unitOf('26944', 'ward', 'Phường Bình Thạnh', ['79', '26944']),
		unitOf('26944-01', 'group', 'Khu phố 1', ['79', '26944', '26944-01']),
		unitOf('26944-02', 'group', 'Khu phố 2', ['79', '26944', '26944-02'])
	];
}
