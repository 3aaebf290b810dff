// Lets a person sign in again on their own phone with no network: the device keeps a slow,
// salted hash of the password (PBKDF2-SHA256 through WebCrypto), never the password itself.

import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '$lib/domain/base64';

/** OWASP's recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023). */
export const PBKDF2_ITERATIONS = 600_000;
/** Anything weaker than this is refused rather than trusted. */
export const MIN_PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export const PasswordVerifierSchema = z.object({
	algorithm: z.literal('PBKDF2-SHA256'),
	iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS),
	salt: z.string().min(1),
	hash: z.string().min(1)
});
export type PasswordVerifier = z.infer<typeof PasswordVerifierSchema>;

/** WebCrypto exists only in secure contexts (https, or localhost during development). */
export function canVerifyOffline(): boolean {
	return typeof globalThis.crypto?.subtle?.deriveBits === 'function';
}

async function derive(
	password: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations: number
): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(password.normalize('NFC')),
		'PBKDF2',
		false,
		['deriveBits']
	);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		key,
		HASH_BITS
	);
	return new Uint8Array(bits);
}

export async function createVerifier(
	password: string,
	iterations: number = PBKDF2_ITERATIONS
): Promise<PasswordVerifier> {
	const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const hash = await derive(password, salt, iterations);
	return {
		algorithm: 'PBKDF2-SHA256',
		iterations,
		salt: bytesToBase64(salt),
		hash: bytesToBase64(hash)
	};
}

/** Compares every byte whatever the first difference, so timing tells nothing. */
export async function checkVerifier(
	password: string,
	verifier: PasswordVerifier
): Promise<boolean> {
	const parsed = PasswordVerifierSchema.safeParse(verifier);
	if (!parsed.success) return false;
	const expected = base64ToBytes(parsed.data.hash);
	const actual = await derive(password, base64ToBytes(parsed.data.salt), parsed.data.iterations);
	if (actual.length !== expected.length) return false;
	let difference = 0;
	for (let index = 0; index < actual.length; index += 1)
		difference |= actual[index] ^ expected[index];
	return difference === 0;
}
