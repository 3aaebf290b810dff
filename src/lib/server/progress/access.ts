// Who may watch which unit's progress: supervisors their unit and everything below it, ward
// staff their ward, an administrator everything. Collaborators and households keep to their
// phones' own lists.

import type { OrgUnit, SessionUser } from '$lib/domain';

export function watchesUnit(user: SessionUser, unit: OrgUnit): boolean {
	switch (user.role) {
		case 'admin':
			return true;
		case 'ward_staff':
		case 'district_supervisor':
		case 'city_supervisor':
			return unit.path.some((code) => user.org_units.includes(code));
		default:
			return false;
	}
}

/** The unit a supervisor's dashboard opens on. */
export function homeUnitOf(user: SessionUser): string | null {
	return user.org_units[0] ?? null;
}
