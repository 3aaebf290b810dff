// Medians and the printed table of the benchmarks: one machine is noisy, so every measure is
// taken several times in the same run and compared by its median.

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export type Measure = { label: string; docs: number; seconds: number[] };

/** Seconds with three decimals under one second, two above. */
export function formatSeconds(value: number): string {
	return value < 1 ? value.toFixed(3) : value.toFixed(2);
}

function pad(text: string, width: number, isRight = false): string {
	return isRight ? text.padStart(width) : text.padEnd(width);
}

/** One line a measure: median time, docs/s (or `unit`/s) and the ratio to the baseline's median. */
export function table(baseline: Measure, measures: readonly Measure[], unit = 'docs'): string {
	const floor = median(baseline.seconds);
	const width = Math.max(...measures.map((measure) => measure.label.length));
	const header =
		pad('', width) +
		pad(unit, 10, true) +
		pad('median s', 10, true) +
		pad(`${unit}/s`, 12, true) +
		pad('× floor', 9, true) +
		'   runs (s)';
	const lines = measures.map((measure) => {
		const seconds = median(measure.seconds);
		return (
			pad(measure.label, width) +
			pad(String(measure.docs), 10, true) +
			pad(formatSeconds(seconds), 10, true) +
			pad(String(Math.round(measure.docs / seconds)), 12, true) +
			pad((seconds / floor).toFixed(2), 9, true) +
			'   ' +
			measure.seconds.map(formatSeconds).join(', ')
		);
	});
	return [header, ...lines].join('\n');
}
