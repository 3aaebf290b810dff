// Passwords are stored as salted scrypt hashes: slow on purpose, so a stolen accounts
// database does not give up the passwords.

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export type PasswordHash = {
	algorithm: 'scrypt';
	salt: string;
	hash: string;
	cost: number;
	block_size: number;
	parallelization: number;
};

/** About 50 ms per check on these machines; raise as hardware gets faster. */
export const SCRYPT_COST = 2 ** 14;
const KEY_BYTES = 32;

function derive(password: string, salt: Uint8Array, options: ScryptOptions): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		scrypt(
			password.normalize('NFC'),
			salt,
			KEY_BYTES,
			{ ...options, maxmem: 64 * 1024 * 1024 },
			(error, key) => (error ? reject(error) : resolve(new Uint8Array(key)))
		);
	});
}

export async function hashPassword(password: string): Promise<PasswordHash> {
	const salt = randomBytes(16);
	const options = { N: SCRYPT_COST, r: 8, p: 1 };
	const key = await derive(password, new Uint8Array(salt), options);
	return {
		algorithm: 'scrypt',
		salt: salt.toString('base64'),
		hash: Buffer.from(key).toString('base64'),
		cost: options.N,
		block_size: options.r,
		parallelization: options.p
	};
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
	const expected = new Uint8Array(Buffer.from(stored.hash, 'base64'));
	const key = await derive(password, new Uint8Array(Buffer.from(stored.salt, 'base64')), {
		N: stored.cost,
		r: stored.block_size,
		p: stored.parallelization
	});
	return key.length === expected.length && timingSafeEqual(key, expected);
}
