// Work over many items a few at a time, handing the page back between chunks: a ward group
// can have hundreds of households, and making all their QR codes in one go would freeze the
// screen and its progress bar.

export type ChunkOptions<T, R> = {
	/** Items per chunk. */
	size: number;
	work: (item: T) => R | Promise<R>;
	/** Called after each chunk with that chunk's results and how many are done in all. */
	onChunk: (results: R[], done: number) => void;
	/** Lets the page paint between chunks. */
	pause: () => Promise<void>;
	signal?: AbortSignal;
};

/** Every item's result in order, or null when `signal` aborted the run part way. */
export async function mapInChunks<T, R>(
	items: readonly T[],
	options: ChunkOptions<T, R>
): Promise<R[] | null> {
	if (!(options.size >= 1)) throw new RangeError('A chunk holds at least one item');
	const all: R[] = [];
	for (let start = 0; start < items.length; start += options.size) {
		if (options.signal?.aborted) return null;
		const chunk: R[] = [];
		for (const item of items.slice(start, start + options.size)) {
			chunk.push(await options.work(item));
		}
		if (options.signal?.aborted) return null;
		all.push(...chunk);
		options.onChunk(chunk, all.length);
		if (all.length < items.length) await options.pause();
	}
	return all;
}

/** A macrotask after the next frame: the browser paints the chunk before the next begins. */
export function nextPaint(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve, 0);
		// A hidden tab runs no frames; the timer keeps the work going there too.
		const fallback = setTimeout(resolve, 100);
		requestAnimationFrame(() => {
			clearTimeout(fallback);
			setTimeout(resolve, 0);
		});
	});
}
