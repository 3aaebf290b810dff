import { describe, expect, it } from 'vitest';
import {
	CHECK_CODE_ALPHABET,
	CHECK_CODE_LENGTH,
	claimLink,
	isQrToken,
	newCheckCode,
	newQrToken,
	normalizeCheckCode,
	qrTokenHash,
	QR_TOKEN_BYTES,
	tokenFromScan
} from './qr-token';

describe('QR tokens', () => {
	it('carry at least 128 random bits and differ every time', () => {
		expect(QR_TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128);
		const tokens = new Set(Array.from({ length: 2000 }, newQrToken));
		expect(tokens.size).toBe(2000);
		for (const token of tokens) expect(isQrToken(token)).toBe(true);
	});

	it('use every base64url character, so no bits are wasted', () => {
		const seen = new Set(Array.from({ length: 500 }, newQrToken).join(''));
		expect(seen.size).toBe(64);
	});

	it('hash to the SHA-256 hex digest', async () => {
		// sha256("abc"), the FIPS 180-2 test vector
		expect(await qrTokenHash('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
		const token = newQrToken();
		expect(await qrTokenHash(token)).toBe(await qrTokenHash(token));
		expect(await qrTokenHash(token)).not.toBe(await qrTokenHash(newQrToken()));
	});

	it('are read back from a claim link of any host, or typed bare', () => {
		const token = newQrToken();
		expect(tokenFromScan(claimLink('https://hssk.example.vn/', token))).toBe(token);
		expect(tokenFromScan(`http://127.0.0.1:3000/q/${token}/`)).toBe(token);
		expect(tokenFromScan(`  ${token}\n`)).toBe(token);
	});

	it('refuse what is not a claim link', () => {
		const token = newQrToken();
		expect(tokenFromScan(`https://example.com/other/${token}`)).toBeNull();
		expect(tokenFromScan(`https://example.com/q/${token}x`)).toBeNull();
		expect(tokenFromScan('https://example.com/q/short')).toBeNull();
		expect(tokenFromScan('WIFI:S:home;T:WPA;P:secret;;')).toBeNull();
		expect(tokenFromScan('')).toBeNull();
	});
});

describe('check codes', () => {
	it('use only unambiguous characters', () => {
		for (let i = 0; i < 300; i++) {
			const code = newCheckCode();
			expect(code).toHaveLength(CHECK_CODE_LENGTH);
			for (const char of code) expect(CHECK_CODE_ALPHABET).toContain(char);
		}
		expect(CHECK_CODE_ALPHABET).not.toMatch(/[01OIL]/);
	});

	it('are compared without spaces, dashes or case', () => {
		expect(normalizeCheckCode(' ab3-k9 z ')).toBe('AB3K9Z');
	});
});
