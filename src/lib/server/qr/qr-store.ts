// The household QR tokens, kept where only the app server reaches (`hssk_qr`). Each
// household has one current token (`qr_household:<household id>`), which is the truth about
// whether a token opens it; every token ever issued also leaves an immutable
// `qr_token:<sha256>` entry, so a sheet that was replaced or revoked can be told apart from
// a token that never existed. The token itself is kept so the same sheet can be printed
// again; a copy of this database is as sensitive as the sheets on people's doors.

import { z } from 'zod';
import { newCheckCode, newQrToken, qrTokenHash } from '$lib/domain';
import { CouchError, type CouchClient } from '../couch/client';
import { householdQrDocId, QR_DATABASE, qrTokenDocId } from '../couch/databases';

export const QR_STATES = ['active', 'revoked'] as const;
/** A household is a family: more phones than this on one household is a leak, not a family. */
export const MAX_PHONES_PER_HOUSEHOLD = 20;
const WRITE_ATTEMPTS = 4;

const HouseholdQrSchema = z.object({
	_id: z.string(),
	_rev: z.string().optional(),
	type: z.literal('household_qr'),
	household: z.string(),
	ward: z.string(),
	token: z.string(),
	token_hash: z.string(),
	check_code: z.string(),
	state: z.enum(QR_STATES),
	issued_at: z.string(),
	issued_by: z.string(),
	revoked_at: z.string().optional(),
	revoked_by: z.string().optional(),
	/** The resident accounts (one per phone) that claimed the household. */
	phones: z.array(z.string())
});
export type HouseholdQr = z.infer<typeof HouseholdQrSchema>;

const QrTokenSchema = z.object({
	_id: z.string(),
	type: z.literal('qr_token'),
	household: z.string(),
	ward: z.string(),
	issued_at: z.string()
});
export type QrTokenEntry = z.infer<typeof QrTokenSchema>;

export type HouseholdRef = { household: string; ward: string };

type AllDocsRow = { key: string; doc?: unknown; error?: string };
type BulkRow = { id: string; rev?: string; error?: string };

type IssueDraft = {
	ref: HouseholdRef;
	entry: QrTokenEntry;
	/** The household's token document, written over the one it had (revoked, or none). */
	current: (before: HouseholdQr | null) => HouseholdQr;
};

function isConflict(error: unknown): boolean {
	return error instanceof CouchError && error.status === 409;
}

export class QrStore {
	constructor(
		readonly client: CouchClient,
		readonly now: () => Date = () => new Date()
	) {}

	async current(household: string): Promise<HouseholdQr | null> {
		const doc = await this.client.getDoc<unknown>(QR_DATABASE, householdQrDocId(household));
		const parsed = HouseholdQrSchema.safeParse(doc);
		return parsed.success ? parsed.data : null;
	}

	/** The current token of each household that has one, in one request. */
	async currentOf(households: readonly string[]): Promise<Map<string, HouseholdQr>> {
		const found = new Map<string, HouseholdQr>();
		if (households.length === 0) return found;
		const { rows } = await this.client.json<{ rows: AllDocsRow[] }>(`${QR_DATABASE}/_all_docs`, {
			method: 'POST',
			query: { include_docs: true },
			body: { keys: households.map(householdQrDocId) }
		});
		for (const row of rows) {
			const parsed = HouseholdQrSchema.safeParse(row.doc);
			if (parsed.success) found.set(parsed.data.household, parsed.data);
		}
		return found;
	}

	async entryOf(tokenHash: string): Promise<QrTokenEntry | null> {
		const doc = await this.client.getDoc<unknown>(QR_DATABASE, qrTokenDocId(tokenHash));
		const parsed = QrTokenSchema.safeParse(doc);
		return parsed.success ? parsed.data : null;
	}

	/**
	 * A new token for the household; the one before stops opening it at once. Phones that
	 * already claimed the household keep their credential (revoke them with `revoke`).
	 */
	async issue(ref: HouseholdRef, by: string): Promise<HouseholdQr> {
		const draft = await this.#draft(ref, by, this.now().toISOString());
		await this.client.json(`${QR_DATABASE}/${encodeURIComponent(draft.entry._id)}`, {
			method: 'PUT',
			body: draft.entry
		});
		return this.#update(ref.household, (before) => draft.current(before));
	}

	/**
	 * The households' current active tokens, issuing one for each that has none. The new ones
	 * go in two bulk writes, so the first print of a group of hundreds takes seconds, not the
	 * minutes of one round trip after another.
	 */
	async ensureIssued(refs: readonly HouseholdRef[], by: string): Promise<Map<string, HouseholdQr>> {
		const current = await this.currentOf(refs.map((ref) => ref.household));
		const missing = refs.filter((ref) => current.get(ref.household)?.state !== 'active');
		if (missing.length === 0) return current;
		const issuedAt = this.now().toISOString();
		const drafts = await Promise.all(missing.map((ref) => this.#draft(ref, by, issuedAt)));
		// Entries first: a token must never open a household before its entry exists.
		const entryRows = await this.#bulkWrite(drafts.map((draft) => draft.entry));
		const failed = entryRows.find((row) => row.error);
		if (failed) {
			const reason = `token entry ${failed.id} not written`;
			throw new CouchError(500, failed.error ?? 'error', reason, `${QR_DATABASE}/_bulk_docs`);
		}
		const written = drafts.map((draft) => draft.current(current.get(draft.ref.household) ?? null));
		const rows = await this.#bulkWrite(written);
		for (const [index, draft] of drafts.entries()) {
			const rev = rows[index]?.rev;
			if (rev && !rows[index]?.error) {
				current.set(draft.ref.household, { ...written[index], _rev: rev });
				continue;
			}
			// Someone wrote the household's token meanwhile (another print): keep theirs if live.
			const latest = await this.current(draft.ref.household);
			current.set(
				draft.ref.household,
				latest?.state === 'active' ? latest : await this.issue(draft.ref, by)
			);
		}
		return current;
	}

	/** The token stops opening the household, and the phones that claimed it are listed for
	 * the caller to disable. Null when the household never had a token. */
	async revoke(household: string, by: string): Promise<HouseholdQr | null> {
		const before = await this.current(household);
		if (!before) return null;
		return this.#update(household, (latest) =>
			latest
				? { ...latest, state: 'revoked', revoked_at: this.now().toISOString(), revoked_by: by }
				: null
		);
	}

	/** Records a phone that claimed the household; false when the household has too many. */
	async addPhone(household: string, username: string): Promise<boolean> {
		let isAllowed = true;
		await this.#update(household, (latest) => {
			if (!latest) return null;
			if (latest.phones.includes(username)) return latest;
			if (latest.phones.length >= MAX_PHONES_PER_HOUSEHOLD) {
				isAllowed = false;
				return latest;
			}
			return { ...latest, phones: [...latest.phones, username] };
		});
		return isAllowed;
	}

	/** Forgets the phones after they were disabled. */
	async clearPhones(household: string): Promise<void> {
		await this.#update(household, (latest) => (latest ? { ...latest, phones: [] } : null));
	}

	/** A new token for a household: its entry, and its current document over `before`. */
	async #draft(ref: HouseholdRef, by: string, issuedAt: string): Promise<IssueDraft> {
		const token = newQrToken();
		const tokenHash = await qrTokenHash(token);
		const checkCode = newCheckCode();
		return {
			ref,
			entry: {
				_id: qrTokenDocId(tokenHash),
				type: 'qr_token',
				household: ref.household,
				ward: ref.ward,
				issued_at: issuedAt
			},
			current: (before) => ({
				_id: householdQrDocId(ref.household),
				...(before?._rev ? { _rev: before._rev } : {}),
				type: 'household_qr',
				household: ref.household,
				ward: ref.ward,
				token,
				token_hash: tokenHash,
				check_code: checkCode,
				state: 'active',
				issued_at: issuedAt,
				issued_by: by,
				phones: before?.phones ?? []
			})
		};
	}

	async #bulkWrite(docs: readonly object[]): Promise<BulkRow[]> {
		return this.client.json<BulkRow[]>(`${QR_DATABASE}/_bulk_docs`, {
			method: 'POST',
			body: { docs }
		});
	}

	/** Read, change, write; on a conflict (another request wrote in between) read again. */
	async #update(
		household: string,
		change: (latest: HouseholdQr | null) => HouseholdQr | null
	): Promise<HouseholdQr> {
		for (let attempt = 1; ; attempt++) {
			const latest = await this.current(household);
			const next = change(latest);
			if (!next) throw new Error(`No QR token for ${household}`);
			if (next === latest) return latest;
			try {
				const { rev } = await this.client.json<{ rev: string }>(
					`${QR_DATABASE}/${encodeURIComponent(householdQrDocId(household))}`,
					{ method: 'PUT', body: next }
				);
				return { ...next, _rev: rev };
			} catch (error) {
				if (!isConflict(error) || attempt >= WRITE_ATTEMPTS) throw error;
			}
		}
	}
}
