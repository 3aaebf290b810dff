// Where a resident's household is now, read from its ward database: a resident follows their
// household when ward staff move it to another group, and loses access when it is gone.

import { HouseholdSchema, wardDatabaseName } from '$lib/domain';
import type { CouchClient } from '../couch/client';
import type { HouseholdLocator } from './session-user';

export function householdLocator(client: CouchClient): HouseholdLocator {
	return async (wardCode, household) => {
		const doc = await client.getDoc<Record<string, unknown>>(wardDatabaseName(wardCode), household);
		if (!doc || doc._deleted) return null;
		const parsed = HouseholdSchema.pick({ type: true, ward: true, group: true }).safeParse(doc);
		if (!parsed.success || parsed.data.ward !== wardCode) return null;
		return { id: household, group: parsed.data.group };
	};
}
