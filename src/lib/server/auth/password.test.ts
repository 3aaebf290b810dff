import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
	it('verifies the right password only', async () => {
		const stored = await hashPassword('demo-password');
		expect(await verifyPassword('demo-password', stored)).toBe(true);
		expect(await verifyPassword('demo-passwort', stored)).toBe(false);
	});
	it('salts every hash', async () => {
		const [first, second] = await Promise.all([hashPassword('same'), hashPassword('same')]);
		expect(first.salt).not.toBe(second.salt);
		expect(first.hash).not.toBe(second.hash);
	});
});
