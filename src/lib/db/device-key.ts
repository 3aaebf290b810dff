// The key that seals a user's health fields on this device (./field-encryption.ts). It is a
// random 256-bit data key, kept on the device only wrapped: sealed with AES-GCM under a key
// derived from the user's password (PBKDF2-SHA256, as for the offline verifier). So the
// device holds nothing that opens the data without the password, and changing the password
// re-wraps 32 bytes instead of re-encrypting every record. Once opened, the data key lives in
// memory as a non-extractable CryptoKey until the page is closed or reloaded.

import { z } from 'zod';
import type { Store as KeyValueStore } from './durable-local-storage';
import { base64ToBytes, bytesToBase64 } from '$lib/domain/base64';

export const DATA_KEY_PREFIX = 'hssk_data_key:';
/** The same cost as the offline verifier (src/lib/session/password-verifier.ts). */
export const KEY_PBKDF2_ITERATIONS = 600_000;
const MIN_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const DATA_KEY_BYTES = 32;

const WrappedKeySchema = z.object({
	algorithm: z.literal('PBKDF2-SHA256/AES-GCM'),
	iterations: z.number().int().min(MIN_ITERATIONS),
	salt: z.string().min(1),
	iv: z.string().min(1),
	wrapped: z.string().min(1)
});
export type WrappedKey = z.infer<typeof WrappedKeySchema>;

async function wrappingKey(
	secret: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations: number
): Promise<CryptoKey> {
	const base = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(secret.normalize('NFC')),
		'PBKDF2',
		false,
		['deriveKey']
	);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		base,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

function dataKeyOf(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
	return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

async function wrap(
	raw: Uint8Array<ArrayBuffer>,
	secret: string,
	iterations: number
): Promise<WrappedKey> {
	const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const sealed = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv },
		await wrappingKey(secret, salt, iterations),
		raw
	);
	return {
		algorithm: 'PBKDF2-SHA256/AES-GCM',
		iterations,
		salt: bytesToBase64(salt),
		iv: bytesToBase64(iv),
		wrapped: bytesToBase64(new Uint8Array(sealed))
	};
}

/** The raw data key, or null when the secret is not the one it was wrapped with. */
async function unwrap(
	wrapped: WrappedKey,
	secret: string
): Promise<Uint8Array<ArrayBuffer> | null> {
	try {
		const key = await wrappingKey(secret, base64ToBytes(wrapped.salt), wrapped.iterations);
		const raw = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: base64ToBytes(wrapped.iv) },
			key,
			base64ToBytes(wrapped.wrapped)
		);
		return new Uint8Array(raw);
	} catch {
		return null;
	}
}

export function readWrappedKey(store: KeyValueStore, username: string): WrappedKey | null {
	const text = store.getItem(DATA_KEY_PREFIX + username);
	if (text === null) return null;
	try {
		const parsed = WrappedKeySchema.safeParse(JSON.parse(text));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

export function forgetWrappedKey(store: KeyValueStore, username: string): void {
	store.removeItem(DATA_KEY_PREFIX + username);
}

export type OpenedKey =
	{ ok: true; key: CryptoKey; created: boolean } | { ok: false; reason: 'wrong_secret' };

export type KeyOptions = { iterations?: number };

/**
 * Opens this user's data key with their password, or makes one the first time (there is
 * then no sealed data yet). A wrong password opens nothing.
 */
export async function openOrCreateDataKey(
	store: KeyValueStore,
	username: string,
	secret: string,
	options: KeyOptions = {}
): Promise<OpenedKey> {
	const saved = readWrappedKey(store, username);
	if (saved) {
		const raw = await unwrap(saved, secret);
		if (!raw) return { ok: false, reason: 'wrong_secret' };
		return { ok: true, key: await dataKeyOf(raw), created: false };
	}
	const raw = crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES));
	const wrapped = await wrap(raw, secret, options.iterations ?? KEY_PBKDF2_ITERATIONS);
	store.setItem(DATA_KEY_PREFIX + username, JSON.stringify(wrapped));
	return { ok: true, key: await dataKeyOf(raw), created: true };
}

/** Opens the data key with the old secret and wraps it again with the new one. */
export async function rewrapDataKey(
	store: KeyValueStore,
	username: string,
	oldSecret: string,
	newSecret: string,
	options: KeyOptions = {}
): Promise<OpenedKey> {
	const saved = readWrappedKey(store, username);
	const raw = saved ? await unwrap(saved, oldSecret) : null;
	if (!raw) return { ok: false, reason: 'wrong_secret' };
	const wrapped = await wrap(raw, newSecret, options.iterations ?? KEY_PBKDF2_ITERATIONS);
	store.setItem(DATA_KEY_PREFIX + username, JSON.stringify(wrapped));
	return { ok: true, key: await dataKeyOf(raw), created: false };
}
