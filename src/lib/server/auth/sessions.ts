// Sessions: a random token in an httpOnly cookie, stored only as its SHA-256 in `hssk_users`
// (`session:<hash>`), so a copy of the accounts database cannot be replayed as cookies.

import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CouchError, type CouchClient } from '../couch/client';
import { sessionDocId, USERS_DATABASE } from '../couch/databases';

export const SESSION_COOKIE = 'hssk_session';
export const SESSION_DAYS = 30;
export const SESSION_MAX_AGE_SECONDS = SESSION_DAYS * 24 * 60 * 60;
/** A household's phone has no password to sign in again with: its credential lasts a year,
 * and ward staff revoke it when needed. */
export const RESIDENT_SESSION_SECONDS = 365 * 24 * 60 * 60;
const TOKEN_BYTES = 32;
/** Tokens are base64url of 32 bytes: anything else is not worth a database look-up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const SessionDocSchema = z.object({
	_id: z.string(),
	_rev: z.string(),
	type: z.literal('session'),
	username: z.string(),
	device_id: z.string(),
	created_at: z.string(),
	expires_at: z.string()
});
export type SessionDoc = z.infer<typeof SessionDocSchema>;

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function isTokenShaped(token: string): boolean {
	return TOKEN_PATTERN.test(token);
}

export class SessionStore {
	constructor(
		readonly client: CouchClient,
		readonly now: () => Date = () => new Date()
	) {}

	async create(
		username: string,
		deviceId: string,
		lifetimeSeconds: number = SESSION_MAX_AGE_SECONDS
	): Promise<{ token: string; expiresAt: Date }> {
		const token = randomBytes(TOKEN_BYTES).toString('base64url');
		const createdAt = this.now();
		const expiresAt = new Date(createdAt.getTime() + lifetimeSeconds * 1000);
		await this.client.json(
			`${USERS_DATABASE}/${encodeURIComponent(sessionDocId(hashToken(token)))}`,
			{
				method: 'PUT',
				body: {
					type: 'session',
					username,
					device_id: deviceId,
					created_at: createdAt.toISOString(),
					expires_at: expiresAt.toISOString()
				}
			}
		);
		return { token, expiresAt };
	}

	/** The live session of a token; an expired one is removed on sight. */
	async find(token: string): Promise<SessionDoc | null> {
		if (!isTokenShaped(token)) return null;
		const doc = await this.client.getDoc<unknown>(USERS_DATABASE, sessionDocId(hashToken(token)));
		const parsed = SessionDocSchema.safeParse(doc);
		if (!parsed.success) return null;
		if (Date.parse(parsed.data.expires_at) <= this.now().getTime()) {
			await this.#remove(parsed.data);
			return null;
		}
		return parsed.data;
	}

	async revoke(token: string): Promise<void> {
		if (!isTokenShaped(token)) return;
		const doc = await this.client.getDoc<SessionDoc>(
			USERS_DATABASE,
			sessionDocId(hashToken(token))
		);
		if (doc) await this.#remove(doc);
	}

	async #remove(doc: SessionDoc): Promise<void> {
		try {
			await this.client.json(`${USERS_DATABASE}/${encodeURIComponent(doc._id)}`, {
				method: 'DELETE',
				query: { rev: doc._rev }
			});
		} catch (error) {
			// Removed by another request in between: the outcome is the same.
			if (!(error instanceof CouchError && (error.status === 404 || error.status === 409))) {
				throw error;
			}
		}
	}
}
