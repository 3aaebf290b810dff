import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './throttle';

const rules = {
	username: { limit: 3, windowMs: 60_000 },
	address: { limit: 5, windowMs: 60_000 }
};

describe('SignInThrottle', () => {
	it('refuses a username after its limit of failures until the oldest leaves the window', () => {
		let now = 0;
		const throttle = new SignInThrottle(rules, () => now);
		for (const at of [0, 10_000, 20_000]) {
			now = at;
			expect(throttle.retryAfterSeconds('lan', '10.0.0.1')).toBeNull();
			throttle.recordFailure('lan', '10.0.0.1');
		}
		now = 30_000;
		expect(throttle.retryAfterSeconds('lan', '10.0.0.2')).toBe(30);
		now = 60_000;
		expect(throttle.retryAfterSeconds('lan', '10.0.0.2')).toBeNull();
	});

	it('counts an address across usernames', () => {
		const throttle = new SignInThrottle(rules, () => 0);
		for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) throttle.recordFailure(name, '10.0.0.9');
		expect(throttle.retryAfterSeconds('someone-new', '10.0.0.9')).toBe(60);
		expect(throttle.retryAfterSeconds('someone-new', '10.0.0.10')).toBeNull();
	});

	it("forgives a username's failures on the right password, not the address's", () => {
		const throttle = new SignInThrottle(rules, () => 0);
		for (let index = 0; index < 3; index++) throttle.recordFailure('lan', '10.0.0.1');
		throttle.recordSuccess('lan');
		expect(throttle.retryAfterSeconds('lan', '10.0.0.3')).toBeNull();
		throttle.recordFailure('binh', '10.0.0.1');
		throttle.recordFailure('binh', '10.0.0.1');
		expect(throttle.retryAfterSeconds('lan', '10.0.0.1')).toBe(60);
	});
});
