// How long a replication waits before it retries after a failure: short at first, so a blip
// on 3G costs seconds, then longer, so a phone out of coverage for hours does not drain its
// battery knocking on the server.

export const RETRY_FIRST_MS = 2_000; // 2 seconds
export const RETRY_MAX_MS = 60_000; // 1 minute

export class Backoff {
	#next = RETRY_FIRST_MS;

	/** The wait before the coming retry. */
	get current(): number {
		return this.#next;
	}

	/** A failure: returns the wait to use now and doubles the next one, up to the ceiling. */
	fail(): number {
		const wait = this.#next;
		this.#next = Math.min(this.#next * 2, RETRY_MAX_MS);
		return wait;
	}

	/** A success: the next failure starts again from the first, short wait. */
	reset(): void {
		this.#next = RETRY_FIRST_MS;
	}
}
