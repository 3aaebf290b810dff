// How long a replication waits before it retries after a failure: short at first, so a blip
// on 3G costs seconds, then longer, so a phone out of coverage for hours does not drain its
// battery knocking on the server.

export const RETRY_FIRST_MS = 2_000; // 2 seconds
export const RETRY_MAX_MS = 60_000; // 1 minute

/** The first wait and the ceiling; the fault tests shorten both to keep their run short. */
export type RetryBounds = { firstMs: number; maxMs: number };

export const DEFAULT_RETRY: RetryBounds = { firstMs: RETRY_FIRST_MS, maxMs: RETRY_MAX_MS };

export class Backoff {
	readonly #bounds: RetryBounds;
	#next: number;

	constructor(bounds: RetryBounds = DEFAULT_RETRY) {
		this.#bounds = bounds;
		this.#next = bounds.firstMs;
	}

	/** The wait before the coming retry. */
	get current(): number {
		return this.#next;
	}

	/** The wait after a success, and after coming back online. */
	get first(): number {
		return this.#bounds.firstMs;
	}

	/** A failure: returns the wait to use now and doubles the next one, up to the ceiling. */
	fail(): number {
		const wait = this.#next;
		this.#next = Math.min(this.#next * 2, this.#bounds.maxMs);
		return wait;
	}

	/** A success: the next failure starts again from the first, short wait. */
	reset(): void {
		this.#next = this.#bounds.firstMs;
	}
}
