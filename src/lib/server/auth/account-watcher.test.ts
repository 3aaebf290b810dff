import { describe, expect, it } from 'vitest';
import { forgetChanged } from './account-watcher';
import { isSessionRevoked } from './accounts';

describe('forgetChanged', () => {
	it('forgets the accounts and sessions whose documents changed, nothing else', () => {
		const forgotten: string[] = [];
		forgetChanged(
			{
				forgetUser: (username) => forgotten.push(`user ${username}`),
				forgetSession: (hash) => forgotten.push(`session ${hash}`)
			},
			['user:ctv-demo', 'session:ab12', '_design/users', 'user:r-0123']
		);
		expect(forgotten).toEqual(['user ctv-demo', 'session ab12', 'user r-0123']);
	});
});

describe('isSessionRevoked', () => {
	const account = { sessions_revoked_at: '2026-12-01T08:00:00.000Z' };

	it('ends sessions made at or before the revocation, not after', () => {
		expect(isSessionRevoked(account, '2026-11-30T08:00:00.000Z')).toBe(true);
		expect(isSessionRevoked(account, '2026-12-01T08:00:00.000Z')).toBe(true);
		expect(isSessionRevoked(account, '2026-12-01T08:00:00.001Z')).toBe(false);
		expect(isSessionRevoked({}, '2026-11-30T08:00:00.000Z')).toBe(false);
	});
});
