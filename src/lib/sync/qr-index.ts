// The device's map from a household QR token's hash to the household, so that a collaborator
// (or ward staff) can scan a household's sheet in the field and open it with no network. The
// server answers `GET /api/qr/index` with the active tokens of the caller's scope; the device
// keeps the last good answer per user and never holds the tokens themselves, only their hashes.

import { z } from 'zod';
import { qrTokenHash, tokenFromScan, type Role } from '$lib/domain';

export const QR_INDEX_PATH = '/api/qr/index';
const QR_INDEX_KEY_PREFIX = 'hssk_qr_index:';

const QrIndexEntrySchema = z.object({
	token_hash: z.string().regex(/^[0-9a-f]{64}$/),
	household: z.string().min(1)
});
export type QrIndexEntry = z.infer<typeof QrIndexEntrySchema>;

/** The server's answer. */
export const QrIndexAnswerSchema = z.object({ entries: z.array(QrIndexEntrySchema) });

const StoredQrIndexSchema = z.object({
	fetched_at: z.iso.datetime(),
	entries: z.array(QrIndexEntrySchema)
});

export type QrIndex = {
	/** When the server last sent it; null when this device never received one. */
	fetchedAt: string | null;
	/** Token hash → household id. */
	households: ReadonlyMap<string, string>;
};

/** The part of localStorage this needs, so tests pass a plain object. */
export type QrIndexStore = Pick<Storage, 'getItem' | 'setItem'>;

/** Who scans households' sheets: a resident's phone opens its own household by its link. */
export function scansHouseholds(role: Role): boolean {
	return role === 'collaborator' || role === 'ward_staff';
}

export const EMPTY_QR_INDEX: QrIndex = { fetchedAt: null, households: new Map() };

export function qrIndexKey(username: string): string {
	return `${QR_INDEX_KEY_PREFIX}${username}`;
}

function toIndex(fetchedAt: string, entries: readonly QrIndexEntry[]): QrIndex {
	return {
		fetchedAt,
		households: new Map(entries.map((entry) => [entry.token_hash, entry.household]))
	};
}

/** This user's saved index; a missing or damaged copy reads as empty rather than failing. */
export function readQrIndex(store: QrIndexStore, username: string): QrIndex {
	let raw: string | null;
	try {
		raw = store.getItem(qrIndexKey(username));
	} catch {
		return EMPTY_QR_INDEX;
	}
	if (raw === null) return EMPTY_QR_INDEX;
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		return EMPTY_QR_INDEX;
	}
	const parsed = StoredQrIndexSchema.safeParse(json);
	return parsed.success ? toIndex(parsed.data.fetched_at, parsed.data.entries) : EMPTY_QR_INDEX;
}

export function saveQrIndex(
	store: QrIndexStore,
	username: string,
	entries: readonly QrIndexEntry[],
	fetchedAt: Date
): QrIndex {
	const stored = { fetched_at: fetchedAt.toISOString(), entries };
	store.setItem(qrIndexKey(username), JSON.stringify(stored));
	return toIndex(stored.fetched_at, entries);
}

export type QrIndexFailure = 'signed_out' | 'forbidden' | 'network' | 'server' | 'malformed';

export type QrIndexRefresh = { ok: true; index: QrIndex } | { ok: false; reason: QrIndexFailure };

export type QrIndexRefreshOptions = {
	username: string;
	store: QrIndexStore;
	/** The fetch underneath; the browser's by default (it sends the session cookie). */
	fetch?: typeof fetch;
	/** Where the app server is; the page's own origin by default. */
	origin?: string;
	now?: () => Date;
};

/**
 * Asks the server for the index and keeps it for this user. On any failure the saved copy
 * stays as it was: an old index still opens every household it knew offline.
 */
export async function refreshQrIndex(options: QrIndexRefreshOptions): Promise<QrIndexRefresh> {
	const base = options.fetch ?? globalThis.fetch.bind(globalThis);
	const origin = options.origin ?? (typeof location === 'undefined' ? '' : location.origin);
	let response: Response;
	let body: unknown;
	try {
		response = await base(`${origin}${QR_INDEX_PATH}`, {
			credentials: 'same-origin',
			headers: { accept: 'application/json' }
		});
		if (response.status === 401) return { ok: false, reason: 'signed_out' };
		if (response.status === 403) return { ok: false, reason: 'forbidden' };
		if (!response.ok) return { ok: false, reason: 'server' };
		body = await response.json();
	} catch (error) {
		return { ok: false, reason: error instanceof SyntaxError ? 'malformed' : 'network' };
	}
	const parsed = QrIndexAnswerSchema.safeParse(body);
	if (!parsed.success) return { ok: false, reason: 'malformed' };
	const now = options.now?.() ?? new Date();
	return {
		ok: true,
		index: saveQrIndex(options.store, options.username, parsed.data.entries, now)
	};
}

export type ScanLookup =
	| { kind: 'household'; household: string }
	/** Neither a claim link nor a token: another QR code, or a typing mistake. */
	| { kind: 'not_a_code' }
	/** A token this device does not know: out of scope, revoked, or newer than the index. */
	| { kind: 'unknown' };

/** What a scanned or typed text opens, from the device's index alone. */
export async function lookupScan(index: QrIndex, text: string): Promise<ScanLookup> {
	const token = tokenFromScan(text);
	if (!token) return { kind: 'not_a_code' };
	const household = index.households.get(await qrTokenHash(token));
	return household ? { kind: 'household', household } : { kind: 'unknown' };
}
