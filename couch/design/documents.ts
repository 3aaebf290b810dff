// Which design documents each kind of database carries, and the names the app queries them
// by. The views are documented in couch/README.md.

import { join } from 'node:path';
import { GATEWAY_DESIGN } from '../../src/lib/server/gateway/scope-filter';
import { compileDesignDoc, DESIGN_ROOT, type DesignDoc } from './compile';

export { GATEWAY_DESIGN };

/** `_design/progress` in every ward database: counts for the progress roll-up. */
export const PROGRESS_DESIGN = 'progress';
/** `_design/claim` in every ward database: what claiming a household by QR checks. */
export const CLAIM_DESIGN = 'claim';
export const CLAIM_VIEWS = { members: 'members_by_household' } as const;
/** `_design/identity` in every ward database: people by citizen ID and birth year, and
 * declarations by person, for the registry link's duplicates and merges. */
export const IDENTITY_DESIGN = 'identity';
export const IDENTITY_VIEWS = {
	personsByIdentity: 'persons_by_identity',
	declarationsByPerson: 'declarations_by_person'
} as const;
/** `_design/tree` in `hssk_org`: the org tree by path. */
export const TREE_DESIGN = 'tree';

export const PROGRESS_VIEWS = {
	households: 'households_by_group',
	persons: 'persons_by_group',
	declarations: 'declarations_by_group_channel_day',
	latestDeclaration: 'latest_declaration_by_member'
} as const;

/** The progress views first, then `_design/gateway`: the filter the sync gateway reads
 * `_changes` through (kept apart, so changing it never touches the views' index). */
export const WARD_DESIGN_FOLDERS = [
	{ folder: 'ward', name: PROGRESS_DESIGN },
	{ folder: 'gateway', name: GATEWAY_DESIGN },
	{ folder: 'claim', name: CLAIM_DESIGN },
	{ folder: 'identity', name: IDENTITY_DESIGN }
] as const;

export function wardDesignDocs(): DesignDoc[] {
	return WARD_DESIGN_FOLDERS.map(({ folder, name }) =>
		compileDesignDoc(join(DESIGN_ROOT, folder), name)
	);
}

export function orgDesignDocs(): DesignDoc[] {
	return [compileDesignDoc(join(DESIGN_ROOT, 'org'), TREE_DESIGN)];
}

/** `_design/accounts` in `hssk_users`: accounts by each org unit they name, so merging
 * wards finds the accounts to rewrite without reading every account of the city. */
export const ACCOUNTS_DESIGN = 'accounts';
export const ACCOUNTS_VIEWS = { byOrgUnit: 'by_org_unit' } as const;

export function usersDesignDocs(): DesignDoc[] {
	return [compileDesignDoc(join(DESIGN_ROOT, 'users'), ACCOUNTS_DESIGN)];
}

/** `_design/audit` in `hssk_audit`: the validation that keeps the trail append-only. */
export const AUDIT_DESIGN = 'audit';

export function auditDesignDocs(): DesignDoc[] {
	return [compileDesignDoc(join(DESIGN_ROOT, 'audit'), AUDIT_DESIGN)];
}
