import { describe, expect, it } from 'vitest';
import {
	checkVerifier,
	createVerifier,
	MIN_PBKDF2_ITERATIONS,
	PBKDF2_ITERATIONS
} from './password-verifier';

describe('offline password verifier', () => {
	it('accepts the password it was made from and refuses any other', async () => {
		const verifier = await createVerifier('mật-khẩu đúng', MIN_PBKDF2_ITERATIONS);
		expect(await checkVerifier('mật-khẩu đúng', verifier)).toBe(true);
		expect(await checkVerifier('mật-khẩu đúnG', verifier)).toBe(false);
		expect(await checkVerifier('', verifier)).toBe(false);
	});

	it('salts every verifier, so the same password never gives the same hash', async () => {
		const first = await createVerifier('demo-password', MIN_PBKDF2_ITERATIONS);
		const second = await createVerifier('demo-password', MIN_PBKDF2_ITERATIONS);
		expect(first.salt).not.toBe(second.salt);
		expect(first.hash).not.toBe(second.hash);
		expect(first.hash).not.toContain('demo-password');
	});

	it('uses at least 100,000 PBKDF2-SHA256 iterations by default', async () => {
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(100_000);
		const started = performance.now();
		const verifier = await createVerifier('x');
		const elapsedMs = performance.now() - started;
		expect(verifier).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: PBKDF2_ITERATIONS });
		console.info(`PBKDF2 ${PBKDF2_ITERATIONS} iterations in Node: ${elapsedMs.toFixed(0)} ms`);
	});

	it('treats the same letters typed as NFC or NFD as one password', async () => {
		const verifier = await createVerifier('Nguyễn', MIN_PBKDF2_ITERATIONS);
		expect(await checkVerifier('Nguyễn'.normalize('NFD'), verifier)).toBe(true);
	});

	it('refuses a weakened or damaged verifier instead of trusting it', async () => {
		const verifier = await createVerifier('secret', MIN_PBKDF2_ITERATIONS);
		expect(await checkVerifier('secret', { ...verifier, iterations: 1 })).toBe(false);
		expect(await checkVerifier('secret', { ...verifier, hash: '' })).toBe(false);
		const otherHash = (await createVerifier('other', MIN_PBKDF2_ITERATIONS)).hash;
		expect(await checkVerifier('secret', { ...verifier, hash: otherHash })).toBe(false);
	});
});
