import { describe, expect, it } from 'vitest';
import { productionSecretProblems } from './secrets';

const good = {
	NODE_ENV: 'production',
	COUCHDB_USER: 'hssk_admin',
	COUCHDB_PASSWORD: 'k3J9x-QmT7wPz2Lr8VbN',
	ORIGIN: 'https://hssk.example.vn'
};

describe('productionSecretProblems', () => {
	it('accepts secrets set in the environment', () => {
		expect(productionSecretProblems(good)).toEqual([]);
	});

	it('refuses the published placeholders, the demo password and short ones', () => {
		for (const password of ['replace-with-a-long-random-password', 'demo-password', 'short']) {
			expect(productionSecretProblems({ ...good, COUCHDB_PASSWORD: password })).toHaveLength(1);
		}
	});

	it('refuses a missing account, password or origin', () => {
		expect(
			productionSecretProblems({ NODE_ENV: 'production', COUCHDB_PASSWORD: good.COUCHDB_PASSWORD })
		).toEqual(['COUCHDB_USER is not set', expect.stringContaining('ORIGIN')]);
		expect(productionSecretProblems({ ...good, COUCHDB_PASSWORD: undefined })).toEqual([
			'COUCHDB_PASSWORD is not set'
		]);
	});

	it('asks nothing outside production', () => {
		expect(productionSecretProblems({ NODE_ENV: 'test' })).toEqual([]);
	});
});
