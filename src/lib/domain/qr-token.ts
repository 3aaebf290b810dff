// A household's QR code holds a claim link and nothing else: `<origin>/q/<token>`, where the
// token is 144 random bits (base64url, 24 characters). It names no person and no place; the
// server maps it to the household, and devices find it by its SHA-256, never by the token.

export const QR_TOKEN_BYTES = 18;
export const QR_TOKEN_LENGTH = 24;
export const QR_TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;
export const CLAIM_PATH_PREFIX = '/q/';

/** The printed short code: six characters no one misreads (no 0/O, 1/I/L). */
export const CHECK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CHECK_CODE_LENGTH = 6;

function base64url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function newQrToken(): string {
	return base64url(crypto.getRandomValues(new Uint8Array(QR_TOKEN_BYTES)));
}

export function isQrToken(value: string): boolean {
	return QR_TOKEN_PATTERN.test(value);
}

/** Rejection sampling, so every character of the alphabet is equally likely. */
export function newCheckCode(): string {
	const size = CHECK_CODE_ALPHABET.length;
	const limit = 256 - (256 % size);
	let code = '';
	while (code.length < CHECK_CODE_LENGTH) {
		for (const byte of crypto.getRandomValues(new Uint8Array(CHECK_CODE_LENGTH * 2))) {
			if (byte < limit && code.length < CHECK_CODE_LENGTH) code += CHECK_CODE_ALPHABET[byte % size];
		}
	}
	return code;
}

/** What a person types from the sheet: spaces and case do not matter. */
export function normalizeCheckCode(typed: string): string {
	return typed.replace(/[\s-]/g, '').toUpperCase();
}

export function claimLink(origin: string, token: string): string {
	return `${origin.replace(/\/+$/, '')}${CLAIM_PATH_PREFIX}${token}`;
}

/**
 * The token in what a scanner read or a person typed: a claim link of any host (sheets
 * printed for another address of the same server still work), or the bare token.
 */
export function tokenFromScan(text: string): string | null {
	const trimmed = text.trim();
	if (isQrToken(trimmed)) return trimmed;
	let path: string;
	try {
		path = new URL(trimmed).pathname;
	} catch {
		return null;
	}
	if (!path.startsWith(CLAIM_PATH_PREFIX)) return null;
	const token = path.slice(CLAIM_PATH_PREFIX.length).replace(/\/+$/, '');
	return isQrToken(token) ? token : null;
}

/** SHA-256 of the token, hex: how the server stores it and devices look it up. */
export async function qrTokenHash(token: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
	return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
