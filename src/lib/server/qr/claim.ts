// Claiming a household with its QR code: the token names the household, one answer only the
// family knows (the head's year of birth) or the code printed beside the QR proves the sheet
// is in their hands, and the phone then gets a resident account of its own (one per
// household and device, so claiming again on the same phone reopens the same local data).
// Guessing is throttled twice: unknown tokens per client address, wrong answers per token.

import { createHash } from 'node:crypto';
import {
	isQrToken,
	normalizeCheckCode,
	qrTokenHash,
	RESIDENT_USERNAME,
	wardDatabaseName,
	type MessageKey
} from '$lib/domain';
import { CLAIM_DESIGN, CLAIM_VIEWS } from '../../../../couch/design/documents';
import type { HouseholdLocator } from '../auth/session-user';
import { FailureWindow, type ThrottleRule } from '../auth/throttle';
import type { CouchClient } from '../couch/client';
import { accountDocId, USERS_DATABASE } from '../couch/databases';
import type { HouseholdQr, QrStore } from './qr-store';

/** Unknown or malformed tokens from one address: a scan gone wrong, not a hundred. */
export const CLAIM_ADDRESS_RULE: ThrottleRule = { limit: 20, windowMs: 10 * 60_000 };
/** Wrong answers for one household's token. */
export const CLAIM_ANSWER_RULE: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };

export type ClaimRefusal = {
	ok: false;
	status: 400 | 403 | 404 | 410 | 429;
	key: MessageKey;
	/** The ward the token belonged to, so the page can offer its hotline. */
	ward?: string;
	triesLeft?: number;
	retryAfterSeconds?: number;
};

export type ClaimTarget = { ok: true; qr: HouseholdQr; group: string };

export type ClaimOutcome = { ok: true; username: string; household: string } | ClaimRefusal;

type MemberRow = { value: { relation?: string; birth_year?: string | null } };

function secondsToWait(window: FailureWindow, key: string): number | null {
	const wait = window.waitMs(key);
	return wait > 0 ? Math.ceil(wait / 1000) : null;
}

/** One account per household and phone: the same phone claiming again gets the same one. */
export function residentUsername(household: string, deviceId: string): string {
	const digest = createHash('sha256').update(`${household}\n${deviceId}`).digest('hex');
	const username = `r-${digest.slice(0, 24)}`;
	if (!RESIDENT_USERNAME.test(username)) throw new Error('resident username out of shape');
	return username;
}

/** A four-digit answer is a year of birth; anything else is the printed code. */
export function isRightAnswer(answer: string, qr: HouseholdQr, headBirthYears: string[]): boolean {
	const typed = answer.trim();
	if (/^\d{4}$/.test(typed)) return headBirthYears.includes(typed);
	return normalizeCheckCode(typed) === qr.check_code;
}

export class HouseholdClaims {
	/** Unknown or malformed tokens, per client address. */
	readonly #addresses: FailureWindow;
	/** Wrong answers, per token hash. */
	readonly #answers: FailureWindow;

	constructor(
		readonly client: CouchClient,
		readonly store: QrStore,
		readonly locate: HouseholdLocator,
		now: () => number = Date.now
	) {
		this.#addresses = new FailureWindow(CLAIM_ADDRESS_RULE, now);
		this.#answers = new FailureWindow(CLAIM_ANSWER_RULE, now);
	}

	/** The household a token opens now, or why it opens none. */
	async target(token: string, address: string): Promise<ClaimTarget | ClaimRefusal> {
		const wait = secondsToWait(this.#addresses, address);
		if (wait !== null) {
			return { ok: false, status: 429, key: 'claim.throttled', retryAfterSeconds: wait };
		}
		if (!isQrToken(token)) {
			this.#addresses.record(address);
			return { ok: false, status: 400, key: 'claim.malformed' };
		}
		const tokenHash = await qrTokenHash(token);
		const entry = await this.store.entryOf(tokenHash);
		if (!entry) {
			this.#addresses.record(address);
			return { ok: false, status: 404, key: 'claim.unknown' };
		}
		const qr = await this.store.current(entry.household);
		if (!qr || qr.token_hash !== tokenHash || qr.state !== 'active') {
			return { ok: false, status: 410, key: 'claim.revoked', ward: entry.ward };
		}
		const place = await this.locate(qr.ward, qr.household);
		if (!place) return { ok: false, status: 410, key: 'claim.household_gone', ward: qr.ward };
		return { ok: true, qr, group: place.group };
	}

	async claim(
		input: { token: string; answer: string; deviceId: string },
		address: string
	): Promise<ClaimOutcome> {
		const target = await this.target(input.token, address);
		if (!target.ok) return target;
		const { qr } = target;
		const wait = secondsToWait(this.#answers, qr.token_hash);
		if (wait !== null) {
			return {
				ok: false,
				status: 429,
				key: 'claim.too_many_answers',
				ward: qr.ward,
				retryAfterSeconds: wait
			};
		}
		if (!isRightAnswer(input.answer, qr, await this.#headBirthYears(qr))) {
			this.#answers.record(qr.token_hash);
			return {
				ok: false,
				status: 403,
				key: 'claim.wrong_answer',
				ward: qr.ward,
				triesLeft: Math.max(0, CLAIM_ANSWER_RULE.limit - this.#answers.count(qr.token_hash))
			};
		}
		this.#answers.clear(qr.token_hash);
		const username = residentUsername(qr.household, input.deviceId);
		if (!(await this.store.addPhone(qr.household, username))) {
			return { ok: false, status: 403, key: 'claim.too_many_phones', ward: qr.ward };
		}
		await this.#saveResident(username, qr);
		return { ok: true, username, household: qr.household };
	}

	async #headBirthYears(qr: HouseholdQr): Promise<string[]> {
		const { rows } = await this.client.json<{ rows: MemberRow[] }>(
			`${wardDatabaseName(qr.ward)}/_design/${CLAIM_DESIGN}/_view/${CLAIM_VIEWS.members}`,
			{ query: { key: JSON.stringify(qr.household) } }
		);
		return rows
			.filter((row) => row.value.relation === 'head' && row.value.birth_year)
			.map((row) => String(row.value.birth_year));
	}

	/** Creates the phone's account, or re-enables it: a right answer on a live token is a new
	 * authorisation even after ward staff revoked the phone's previous one. */
	async #saveResident(username: string, qr: HouseholdQr): Promise<void> {
		const existing = await this.client.getDoc<{
			_rev: string;
			display_name?: string;
			sessions_revoked_at?: string;
		}>(USERS_DATABASE, accountDocId(username));
		await this.client.json(`${USERS_DATABASE}/${encodeURIComponent(accountDocId(username))}`, {
			method: 'PUT',
			body: {
				...(existing ? { _rev: existing._rev } : {}),
				type: 'user',
				username,
				display_name: existing?.display_name ?? 'Hộ gia đình',
				role: 'resident',
				org_units: [qr.ward],
				household: qr.household,
				disabled: false,
				// The phone's sessions from before a revocation stay ended.
				...(existing?.sessions_revoked_at
					? { sessions_revoked_at: existing.sessions_revoked_at }
					: {}),
				claimed_at: new Date().toISOString()
			}
		});
	}
}
