// The design-document filter (`couch/design/gateway/filters/scope.js`) that lets CouchDB drop
// the rows of a ward's `_changes` a caller cannot see, before they cross the wire. These are
// the query parameters that tell it the caller's scope; the gateway still checks every row.

import type { RecordType } from '$lib/domain';
import type { Scope } from './scope';

/** `_design/gateway` in every ward database, installed by provisioning. */
export const GATEWAY_DESIGN = 'gateway';
export const SCOPE_FILTER = 'scope';

export type ScopeFilterQuery = {
	filter: string;
	ward: string;
	type?: RecordType;
	groups?: string;
	household?: string;
	user?: string;
};

export function scopeFilterQuery(scope: Scope, type: RecordType | undefined): ScopeFilterQuery {
	return {
		filter: `${GATEWAY_DESIGN}/${SCOPE_FILTER}`,
		ward: scope.ward,
		type,
		// Absent means the whole ward; an empty list, no group at all.
		groups: scope.groups === 'ward' ? undefined : [...scope.groups].sort().join(','),
		household: scope.household,
		user: scope.readsAllDeviceStatuses ? undefined : scope.user
	};
}
