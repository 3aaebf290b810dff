// One group's sheets on their way to paper, as reactive state for the print page: fetched
// from the server, then their QR codes drawn a chunk at a time, so the page can show how far
// it has come and stay responsive for a group of hundreds.

import type { QrSheet, QrSheetsAnswer } from '$lib/domain';
import { mapInChunks } from './chunked';
import { fetchSheets, type SheetsDeps, type SheetsOutcome } from './sheets-fetch';

export type SheetsPhase = 'idle' | 'fetching' | 'rendering' | 'ready' | 'failed';
export type DrawnSheet = { sheet: QrSheet; svg: string };
export type SheetsRefusal = Extract<SheetsOutcome, { ok: false }>;

export type GroupSheetsDeps = Omit<SheetsDeps, 'signal'> & {
	/** The QR code of a link, as SVG markup. */
	draw: (link: string) => Promise<string>;
	/** Hands the page back between chunks. */
	pause: () => Promise<void>;
	chunkSize: number;
};

/** A performance measure of drawing the sheets: how long a big group takes, in the browser. */
export const DRAW_MEASURE = 'hssk:sheets-render';

export class GroupSheets {
	#phase = $state<SheetsPhase>('idle');
	#failed = $state.raw<SheetsRefusal | null>(null);
	#answer = $state.raw<QrSheetsAnswer | null>(null);
	#drawn = $state.raw<DrawnSheet[]>([]);

	get phase(): SheetsPhase {
		return this.#phase;
	}

	/** Why the sheets could not be fetched, while `phase` is 'failed'. */
	get failed(): SheetsRefusal | null {
		return this.#failed;
	}

	get answer(): QrSheetsAnswer | null {
		return this.#answer;
	}

	/** The sheets drawn so far, in the server's order (street, then house number). */
	get drawn(): DrawnSheet[] {
		return this.#drawn;
	}

	get total(): number {
		return this.#answer?.sheets.length ?? 0;
	}

	reset(): void {
		this.#set('idle');
	}

	/** Fetches the group and draws its sheets; stops quietly once `signal` aborts. */
	async load(group: string, signal: AbortSignal, deps: GroupSheetsDeps): Promise<void> {
		this.#set('fetching');
		const outcome = await fetchSheets(group, { ...deps, signal });
		if (signal.aborted) return;
		if (!outcome.ok) {
			this.#set('failed');
			this.#failed = outcome;
			return;
		}
		this.#answer = outcome.answer;
		this.#phase = 'rendering';
		const started = performance.now();
		const drawn = await mapInChunks(outcome.answer.sheets, {
			size: deps.chunkSize,
			work: async (sheet) => ({ sheet, svg: await deps.draw(sheet.link) }),
			onChunk: (chunk) => (this.#drawn = [...this.#drawn, ...chunk]),
			pause: deps.pause,
			signal
		});
		if (drawn === null) return;
		performance.measure(DRAW_MEASURE, { start: started, end: performance.now() });
		this.#phase = 'ready';
	}

	#set(phase: SheetsPhase): void {
		this.#phase = phase;
		this.#failed = null;
		this.#answer = null;
		this.#drawn = [];
	}
}
