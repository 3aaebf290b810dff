// Medians and the printed table of the benchmarks: one machine is noisy, so every measure is
// taken several times in the same run and compared by its median.

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export type Measure = { label: string; docs: number; seconds: number[] };

function pad(text: string, width: number, isRight = false): string {
	return isRight ? text.padStart(width) : text.padEnd(width);
}

/** One line a measure: median time, docs/s and the ratio to the baseline's median. */
export function table(baseline: Measure, measures: readonly Measure[]): string {
	const floor = median(baseline.seconds);
	const width = Math.max(...measures.map((measure) => measure.label.length));
	const header =
		pad('', width) +
		pad('docs', 8, true) +
		pad('median s', 10, true) +
		pad('docs/s', 9, true) +
		pad('× floor', 9, true) +
		'   runs (s)';
	const lines = measures.map((measure) => {
		const seconds = median(measure.seconds);
		return (
			pad(measure.label, width) +
			pad(String(measure.docs), 8, true) +
			pad(seconds.toFixed(2), 10, true) +
			pad(String(Math.round(measure.docs / seconds)), 9, true) +
			pad((seconds / floor).toFixed(2), 9, true) +
			'   ' +
			measure.seconds.map((value) => value.toFixed(2)).join(', ')
		);
	});
	return [header, ...lines].join('\n');
}
