// Which message says that a unit of a level cannot sit under a given parent.

import type { MessageKey, OrgLevel } from '$lib/domain';

export const PARENT_PROBLEM: Record<OrgLevel, MessageKey> = {
	city: 'org.city_parent',
	district: 'org.district_parent',
	ward: 'org.ward_parent',
	group: 'org.group_parent'
};
