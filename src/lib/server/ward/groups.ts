// A ward's neighbourhood groups as its staff manage them: listed from the org tree, a new
// one numbered after the last (`<ward>-<nn>`), a name changed. Groups are org units only:
// no record is touched.

import { orgUnitDocId, OrgUnitSchema, type OrgUnit } from '$lib/domain';
import { CouchError, type CouchClient } from '../couch/client';
import { ORG_DATABASE } from '../couch/databases';
import type { OrgDirectory } from '../auth/org-directory';

export const MAX_GROUPS_PER_WARD = 999;

export async function createGroup(
	client: CouchClient,
	directory: OrgDirectory,
	ward: OrgUnit,
	name: string
): Promise<OrgUnit> {
	for (let attempt = 0; attempt < 5; attempt++) {
		const existing = await directory.groupsOf(ward.code);
		const numbers = existing.map((group) => Number(group.code.split('-')[1]));
		const next = Math.max(0, ...numbers) + 1 + attempt;
		if (next > MAX_GROUPS_PER_WARD) throw new Error('too many groups');
		const code = `${ward.code}-${String(next).padStart(next > 99 ? 3 : 2, '0')}`;
		const group = OrgUnitSchema.parse({
			code,
			type: 'org_unit',
			level: 'group',
			name,
			parent: ward.code,
			path: [...ward.path, code],
			cadence_months: ward.cadence_months,
			...(ward.hotline ? { hotline: ward.hotline } : {})
		});
		try {
			await client.json(`${ORG_DATABASE}/${encodeURIComponent(orgUnitDocId(code))}`, {
				method: 'PUT',
				body: group
			});
			return group;
		} catch (error) {
			// Another staff member took the number in between: try the next one.
			if (!(error instanceof CouchError && error.status === 409)) throw error;
		}
	}
	throw new Error('could not number the new group');
}

export async function renameGroup(
	client: CouchClient,
	code: string,
	name: string
): Promise<OrgUnit> {
	const path = `${ORG_DATABASE}/${encodeURIComponent(orgUnitDocId(code))}`;
	const doc = await client.json<OrgUnit & { _rev: string }>(path);
	const renamed = { ...doc, name };
	await client.json(path, { method: 'PUT', body: renamed });
	return OrgUnitSchema.parse(renamed);
}
