// The demo city: Ho Chi Minh City → Bình Thạnh → Phường 27 with its neighbourhood groups,
// and the accounts the README lists. Tests import these names instead of repeating them.

import type { Role } from '../../src/lib/domain/session';
import type { OrgUnit } from '../../src/lib/domain/org-unit';

export const DEMO_CITY_CODE = '79';
export const DEMO_DISTRICT_CODE = '765';
/** Phường 27, Bình Thạnh. Check against the official list before production (couch/README.md). */
export const DEMO_WARD_CODE = '26956';
export const DEMO_GROUP_COUNT = 12;
export const DEMO_GROUP_CODES: readonly string[] = Array.from(
	{ length: DEMO_GROUP_COUNT },
	(_, index) => `${DEMO_WARD_CODE}-${String(index + 1).padStart(2, '0')}`
);
/** A placeholder in the 1900 format, not a real line: set the real hotline per unit. */
export const DEMO_HOTLINE = '1900 0000';
export const DEMO_CADENCE_MONTHS = 6;
export const DEMO_HOUSEHOLDS = 300;
export const DEMO_PASSWORD = 'demo-password';

export type DemoAccount = {
	username: string;
	display_name: string;
	role: Role;
	org_units: readonly string[];
};

export const DEMO_ACCOUNTS = [
	{
		username: 'ctv-demo',
		display_name: 'Nguyễn Thị Hồng (Tổ trưởng Tổ dân phố 1)',
		role: 'collaborator',
		org_units: [DEMO_GROUP_CODES[0]]
	},
	{
		username: 'ctv-demo-2',
		display_name: 'Trần Văn Phước (Tổ trưởng Tổ dân phố 2)',
		role: 'collaborator',
		org_units: [DEMO_GROUP_CODES[1]]
	},
	{
		username: 'ward-demo',
		display_name: 'Trạm Y tế Phường 27',
		role: 'ward_staff',
		org_units: [DEMO_WARD_CODE]
	},
	{
		username: 'city-demo',
		display_name: 'Sở Y tế Thành phố Hồ Chí Minh',
		role: 'city_supervisor',
		org_units: [DEMO_CITY_CODE]
	},
	{
		username: 'admin-demo',
		display_name: 'Quản trị hệ thống (demo)',
		role: 'admin',
		org_units: [DEMO_CITY_CODE]
	}
] as const satisfies readonly DemoAccount[];

/** The group's tổ trưởng: a demo account for groups 1 and 2, a name in the records elsewhere. */
export function collaboratorOf(groupCode: string): string {
	const account = DEMO_ACCOUNTS.find(
		(candidate) => candidate.role === 'collaborator' && candidate.org_units[0] === groupCode
	);
	return account?.username ?? `ctv-${groupCode}`;
}

export const WARD_STAFF_USERNAME = 'ward-demo';

function unit(code: string, level: OrgUnit['level'], name: string, path: string[]): OrgUnit {
	return {
		code,
		type: 'org_unit',
		level,
		name,
		parent: path.length > 1 ? path[path.length - 2] : null,
		path,
		cadence_months: DEMO_CADENCE_MONTHS,
		hotline: DEMO_HOTLINE
	};
}

/** Each unit's path runs from the city down to the unit itself. */
export function demoOrgUnits(): OrgUnit[] {
	const city = [DEMO_CITY_CODE];
	const district = [...city, DEMO_DISTRICT_CODE];
	const ward = [...district, DEMO_WARD_CODE];
	return [
		unit(DEMO_CITY_CODE, 'city', 'Thành phố Hồ Chí Minh', city),
		unit(DEMO_DISTRICT_CODE, 'district', 'Quận Bình Thạnh', district),
		unit(DEMO_WARD_CODE, 'ward', 'Phường 27', ward),
		...DEMO_GROUP_CODES.map((code, index) =>
			unit(code, 'group', `Tổ dân phố ${index + 1}`, [...ward, code])
		)
	];
}
