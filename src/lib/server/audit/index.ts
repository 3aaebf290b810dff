// The one audit trail of this process, and how the endpoints add to it: who (the caller's
// user and device), about which unit, what. A read of more records than one entry names is
// kept as several entries.

import { AUDIT_MAX_RECORDS, AUDIT_TREE_UNIT, type SessionUser } from '$lib/domain';
import type { Caller } from '../auth/authenticator';
import { couch } from '../config';
import { AuditTrail, type NewAuditEntry } from './trail';

let trail: AuditTrail | undefined;

export function auditTrail(): AuditTrail {
	if (!trail) {
		const started = new AuditTrail(couch());
		trail = started;
		// adapter-node's signal that the server has closed: what is queued is written first.
		process.once('sveltekit:shutdown', () => void started.flush());
	}
	return trail;
}

export type AuditWho = Pick<Caller, 'user' | 'deviceId'> | null;
export type AuditEvent = Omit<NewAuditEntry, 'actor' | 'role' | 'device_id'>;

/** The unit a user's own events are kept under: their ward, else their unit. */
export function auditUnitOf(user: SessionUser): string {
	return user.ward?.code ?? user.org_units[0] ?? AUDIT_TREE_UNIT;
}

export function audit(who: AuditWho, event: AuditEvent): void {
	const base = {
		actor: who?.user.username ?? null,
		role: who?.user.role ?? null,
		...(who?.deviceId ? { device_id: who.deviceId } : {})
	};
	const { records } = event;
	if (!records || records.length <= AUDIT_MAX_RECORDS) {
		auditTrail().record({ ...base, ...event });
		return;
	}
	for (let start = 0; start < records.length; start += AUDIT_MAX_RECORDS) {
		auditTrail().record({
			...base,
			...event,
			records: records.slice(start, start + AUDIT_MAX_RECORDS)
		});
	}
}
