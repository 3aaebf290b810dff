// The audit trail as the server keeps it and ward staff read it: who read a list or changed
// a record, when, from which device. Ids, codes and counts only: never a name, an address or a
// health value, so the trail can be shown and kept without becoming health data itself.

import { z } from 'zod';
import { ROLES } from './session';

export const AUDIT_ACTIONS = [
	'session.signed_in',
	'session.signed_out',
	'claim.accepted',
	'records.read',
	'records.written',
	'list.households',
	'list.devices',
	'list.qr_sheets',
	'list.qr_index',
	'list.collaborators',
	'list.audit',
	'qr.read',
	'qr.issued',
	'qr.revoked',
	'account.created',
	'account.changed',
	'group.created',
	'group.renamed',
	'org.imported',
	'erasure.requested',
	'erasure.carried_out',
	'list.erasure_requests',
	'consent_text.changed'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Where tree-wide events (an org import) are kept: no ward's staff see them. */
export const AUDIT_TREE_UNIT = 'org';
/** The most record ids one entry names; a longer read is kept as several entries. */
export const AUDIT_MAX_RECORDS = 1_000;

export const AuditEntrySchema = z.object({
	id: z.string(),
	/** The ward (or the unit above wards, or `org`) whose data the event touched. */
	unit: z.string(),
	/** The server's clock. */
	at: z.string(),
	/** The signed-in user, or null when nobody was. */
	actor: z.string().nullable(),
	role: z.enum(ROLES).nullable(),
	device_id: z.string().optional(),
	action: z.enum(AUDIT_ACTIONS),
	/** What it was about: a group, household, account, unit or operation. */
	target: z.string().optional(),
	detail: z.string().optional(),
	/** How many items the list or the write held. */
	count: z.number().int().nonnegative().optional(),
	/** The record ids read or written (at most AUDIT_MAX_RECORDS). */
	records: z.array(z.string()).optional()
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export type AuditPage = { unit: string; entries: AuditEntry[]; next: string | null };

/** `audit:<unit>:<ISO time>:<random>`: one unit's entries are a key range, in time order. */
export function auditEntryId(unit: string, at: string, suffix: string): string {
	return `audit:${unit}:${at}:${suffix}`;
}

export const AUDIT_ID = /^audit:[0-9a-z-]{2,12}:\d{4}-\d{2}-\d{2}T[\d:.]+Z:[0-9a-f]{8,32}$/;
