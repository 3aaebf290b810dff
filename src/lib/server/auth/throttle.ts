// Limits password guessing: failed sign-ins are counted per username and per client address
// in a sliding window, and once either count is full every attempt is refused until the
// oldest failure leaves the window. Kept in memory: a restart forgives, which is acceptable
// next to scrypt's cost per guess.

export type ThrottleRule = { limit: number; windowMs: number };

export const USERNAME_RULE: ThrottleRule = { limit: 5, windowMs: 5 * 60_000 };
/** Wider than per username: a ward office shares one address among many people. */
export const ADDRESS_RULE: ThrottleRule = { limit: 30, windowMs: 5 * 60_000 };
/** A bound on memory when someone sprays usernames. */
const MAX_KEYS = 100_000;

/** Failures per key in a sliding window: the building block of every throttle here. */
export class FailureWindow {
	readonly #failures = new Map<string, number[]>();

	constructor(
		readonly rule: ThrottleRule,
		readonly now: () => number
	) {}

	#recent(key: string): number[] {
		const since = this.now() - this.rule.windowMs;
		const times = (this.#failures.get(key) ?? []).filter((time) => time > since);
		if (times.length === 0) this.#failures.delete(key);
		else this.#failures.set(key, times);
		return times;
	}

	/** Milliseconds until one more attempt is allowed, or 0. */
	waitMs(key: string): number {
		const times = this.#recent(key);
		if (times.length < this.rule.limit) return 0;
		return times[times.length - this.rule.limit] + this.rule.windowMs - this.now();
	}

	count(key: string): number {
		return this.#recent(key).length;
	}

	record(key: string): void {
		const times = this.#recent(key);
		if (!this.#failures.has(key) && this.#failures.size >= MAX_KEYS) {
			const oldest = this.#failures.keys().next();
			if (!oldest.done) this.#failures.delete(oldest.value);
		}
		this.#failures.set(key, [...times, this.now()].slice(-this.rule.limit));
	}

	clear(key: string): void {
		this.#failures.delete(key);
	}
}

export class SignInThrottle {
	readonly #byUsername: FailureWindow;
	readonly #byAddress: FailureWindow;

	constructor(
		rules: { username: ThrottleRule; address: ThrottleRule } = {
			username: USERNAME_RULE,
			address: ADDRESS_RULE
		},
		now: () => number = Date.now
	) {
		this.#byUsername = new FailureWindow(rules.username, now);
		this.#byAddress = new FailureWindow(rules.address, now);
	}

	/** Whole seconds to wait before trying again, or null when an attempt is allowed. */
	retryAfterSeconds(username: string, address: string): number | null {
		const wait = Math.max(this.#byUsername.waitMs(username), this.#byAddress.waitMs(address));
		return wait > 0 ? Math.ceil(wait / 1000) : null;
	}

	recordFailure(username: string, address: string): void {
		this.#byUsername.record(username);
		this.#byAddress.record(address);
	}

	/** The right password forgives the username's failures, not the address's. */
	recordSuccess(username: string): void {
		this.#byUsername.clear(username);
	}
}
