import { describe, expect, it } from 'vitest';
import { isKeptEntry } from '$lib/db/durable-local-storage';
import { CLAIMED_KEY_PREFIX } from './claim';
import { ACCOUNT_KEY_PREFIX, CURRENT_SESSION_KEY } from './saved-accounts';

describe('what a killed browser must not forget', () => {
	it('keeps who is signed in, their accounts and verifiers, and the links claimed here', () => {
		expect(isKeptEntry(CURRENT_SESSION_KEY)).toBe(true);
		expect(isKeptEntry(`${ACCOUNT_KEY_PREFIX}ctv-demo`)).toBe(true);
		expect(isKeptEntry(`${CLAIMED_KEY_PREFIX}3f2a`)).toBe(true);
	});
});
