// What a caller may read and write in one ward database. A record's place is its ward and
// group (for a device status: its ward and user), read from the record itself, so a rule
// never depends on the units above the ward.

import {
	recordTypeOf,
	wardCodeOfDatabase,
	wardOfGroup,
	type MessageKey,
	type RecordType,
	type SessionUser
} from '$lib/domain';
import type { OrgDirectory } from '../auth/org-directory';

export type Placement = {
	type: RecordType;
	ward?: string;
	group?: string;
	/** The household a record belongs to (a household's is its own id). */
	household?: string;
	user?: string;
};

export type Scope = {
	user: string;
	deviceId?: string;
	database: string;
	ward: string;
	/** The groups whose records the caller reaches, or the whole ward. */
	groups: ReadonlySet<string> | 'ward';
	/** A resident reaches one household, inside its group. */
	household?: string;
	isReadOnly: boolean;
	/** Ward staff and supervisors see every device of the ward; others only their own. */
	readsAllDeviceStatuses: boolean;
	/** Ward staff (and administrators) confirm clashes; a device of anyone else only passes on
	 * the settlements the server already holds. */
	settlesClashes?: boolean;
};

type Fields = Record<string, unknown>;

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An id the gateway could ever show: it names a record type (device statuses are named by
 * device, so not every id is `<type>:<uuid>`). */
export function isWardRecordId(id: unknown): id is string {
	return typeof id === 'string' && recordTypeOf(id) !== null;
}

/** The place a document body names; the type comes from the id, as for a bare tombstone. */
export function placementOfBody(id: string, body: Fields): Placement | null {
	const type = recordTypeOf(id);
	if (!type) return null;
	const household = type === 'household' ? id : text(body.household);
	return { type, ward: text(body.ward), group: text(body.group), household, user: text(body.user) };
}

/** Whether the place is fully named (a bare tombstone's is not). */
export function isPlaced(placement: Placement): boolean {
	if (!placement.ward) return false;
	return placement.type === 'device_status' ? Boolean(placement.user) : Boolean(placement.group);
}

function reachesGroup(scope: Scope, group: string): boolean {
	return scope.groups === 'ward' ? wardOfGroup(group) === scope.ward : scope.groups.has(group);
}

function reachesHousehold(scope: Scope, placement: Placement): boolean {
	return scope.household === undefined || placement.household === scope.household;
}

export function canRead(scope: Scope, placement: Placement | null): boolean {
	if (!placement || !isPlaced(placement) || placement.ward !== scope.ward) return false;
	if (placement.type === 'device_status') {
		return scope.readsAllDeviceStatuses || placement.user === scope.user;
	}
	return reachesGroup(scope, placement.group as string) && reachesHousehold(scope, placement);
}

/** Why the caller may not write a record at this place, as a field and a message; or null. */
export function writeProblem(
	scope: Scope,
	placement: Placement
): { path: string; key: MessageKey } | null {
	if (scope.isReadOnly) return { path: 'record', key: 'gateway.read_only' };
	if (placement.ward !== scope.ward) return { path: 'ward', key: 'gateway.ward_mismatch' };
	if (placement.type === 'device_status') {
		return placement.user === scope.user ? null : { path: 'user', key: 'device_status.owner' };
	}
	if (!placement.group || !reachesGroup(scope, placement.group)) {
		return { path: 'group', key: 'gateway.scope' };
	}
	if (!reachesHousehold(scope, placement)) return { path: 'household', key: 'gateway.household' };
	return null;
}

/** The caller's scope in a database, or the reason they have none there. */
export async function resolveScope(
	user: SessionUser,
	database: string,
	deviceId: string | undefined,
	directory: OrgDirectory
): Promise<Scope | MessageKey> {
	const ward = wardCodeOfDatabase(database);
	if (!ward) return 'gateway.unreachable';
	const base = { user: user.username, deviceId, database, ward };
	switch (user.role) {
		case 'collaborator':
			if (user.ward?.database !== database) return 'gateway.database';
			return {
				...base,
				groups: new Set(user.groups.map((group) => group.code)),
				isReadOnly: false,
				readsAllDeviceStatuses: false
			};
		case 'ward_staff':
			if (user.ward?.database !== database) return 'gateway.database';
			return {
				...base,
				groups: 'ward',
				isReadOnly: false,
				readsAllDeviceStatuses: true,
				settlesClashes: true
			};
		case 'district_supervisor':
		case 'city_supervisor': {
			const unit = await directory.unit(ward);
			const isUnder = unit?.path.some((code) => user.org_units.includes(code)) ?? false;
			if (!isUnder) return 'gateway.database';
			return { ...base, groups: 'ward', isReadOnly: true, readsAllDeviceStatuses: true };
		}
		case 'admin':
			return {
				...base,
				groups: 'ward',
				isReadOnly: false,
				readsAllDeviceStatuses: true,
				settlesClashes: true
			};
		case 'resident':
			if (user.ward?.database !== database || !user.household) return 'gateway.database';
			return {
				...base,
				groups: new Set(user.groups.map((group) => group.code)),
				household: user.household,
				isReadOnly: false,
				readsAllDeviceStatuses: false
			};
	}
}
