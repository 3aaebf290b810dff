// Writes the audit trail to `hssk_audit`: each entry once, with a new id, never updated (the
// database's validation refuses any change). Entries are queued and written in batches a
// moment later, so a sync request does not wait on a second database; a failed write keeps
// them queued and tries again, and the structured log says how many wait or were dropped.

import { randomBytes } from 'node:crypto';
import { auditEntryId, type AuditEntry } from '$lib/domain';
import type { CouchClient } from '../couch/client';
import { AUDIT_DATABASE } from '../couch/databases';
import { logEvent } from '../log';

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;
export type AuditDoc = AuditEntry & { _id: string; type: 'audit' };

export type AuditTrailOptions = {
	flushMs?: number;
	maxBatch?: number;
	/** Past this many unwritten entries the oldest are dropped (and the drop logged). */
	maxQueued?: number;
	retryMs?: number;
	now?: () => Date;
};

type WriteRow = { id?: string; ok?: boolean; error?: string };

export class AuditTrail {
	readonly #queue: AuditDoc[] = [];
	#timer: ReturnType<typeof setTimeout> | undefined;
	#flushing: Promise<boolean> | undefined;
	readonly #flushMs: number;
	readonly #maxBatch: number;
	readonly #maxQueued: number;
	readonly #retryMs: number;
	readonly #now: () => Date;

	constructor(
		readonly client: CouchClient,
		options: AuditTrailOptions = {}
	) {
		this.#flushMs = options.flushMs ?? 200;
		this.#maxBatch = options.maxBatch ?? 500;
		this.#maxQueued = options.maxQueued ?? 50_000;
		this.#retryMs = options.retryMs ?? 2_000;
		this.#now = options.now ?? (() => new Date());
	}

	/** Queues the entry, stamped with the server's clock; returns it as it will be stored. */
	record(entry: NewAuditEntry): AuditDoc {
		const at = this.#now().toISOString();
		const id = auditEntryId(entry.unit, at, randomBytes(6).toString('hex'));
		const doc: AuditDoc = { _id: id, type: 'audit', id, at, ...withoutEmpty(entry) };
		this.#queue.push(doc);
		if (this.#queue.length > this.#maxQueued) {
			const dropped = this.#queue.splice(0, this.#queue.length - this.#maxQueued);
			logEvent('error', 'audit.dropped', { count: dropped.length });
		}
		this.#schedule(this.#queue.length >= this.#maxBatch ? 0 : this.#flushMs);
		return doc;
	}

	get pending(): number {
		return this.#queue.length;
	}

	/** Writes everything queued now (at shutdown, and in tests). */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		if (this.#flushing) await this.#flushing;
		while (this.#queue.length > 0) {
			this.#flushing = this.#writeBatch();
			const wrote = await this.#flushing;
			this.#flushing = undefined;
			if (!wrote) return;
		}
	}

	#schedule(delayMs: number): void {
		if (this.#timer !== undefined && delayMs > 0) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			void this.flush();
		}, delayMs);
	}

	/** One batch; false when CouchDB could not take it (it stays queued and is tried later). */
	async #writeBatch(): Promise<boolean> {
		const batch = this.#queue.splice(0, this.#maxBatch);
		let rows: WriteRow[];
		try {
			rows = await this.client.json<WriteRow[]>(`${AUDIT_DATABASE}/_bulk_docs`, {
				method: 'POST',
				body: { docs: batch }
			});
		} catch (error) {
			this.#queue.unshift(...batch);
			logEvent('error', 'audit.write_failed', {
				error: (error as Error).name,
				waiting: this.#queue.length
			});
			this.#schedule(this.#retryMs);
			return false;
		}
		const refused = rows.filter((row) => row.error);
		if (refused.length > 0) {
			// Only a clash of ids (never made twice) or a malformed entry ends here: not retried.
			logEvent('error', 'audit.refused', {
				count: refused.length,
				error: refused[0]?.error
			});
		}
		return true;
	}
}

function withoutEmpty(entry: NewAuditEntry): NewAuditEntry {
	const copy: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(entry)) {
		if (value !== undefined && !(Array.isArray(value) && value.length === 0)) copy[key] = value;
	}
	return copy as NewAuditEntry;
}
