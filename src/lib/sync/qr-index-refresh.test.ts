import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onlineSwitch } from './online';
import type { QrIndexStore } from './qr-index';
import { keepQrIndexFresh, type QrIndexKeeper } from './qr-index-refresh';

const INTERVAL_MS = 60_000;

let asked = 0;
let keeper: QrIndexKeeper | null = null;
const store: QrIndexStore = { getItem: () => null, setItem: () => {} };
const fetchIndex: typeof fetch = async () => {
	asked += 1;
	return new Response(JSON.stringify({ entries: [] }), { status: 200 });
};

beforeEach(() => {
	asked = 0;
	vi.useFakeTimers();
});

afterEach(() => {
	keeper?.stop();
	keeper = null;
	vi.useRealTimers();
});

function keep(online = onlineSwitch(true)) {
	keeper = keepQrIndexFresh({
		username: 'ctv-demo',
		store,
		origin: '',
		fetch: fetchIndex,
		online,
		intervalMs: INTERVAL_MS
	});
	return keeper;
}

describe('keeping the QR index fresh', () => {
	it('asks at once when online, and again on each interval', async () => {
		keep();
		await vi.advanceTimersByTimeAsync(0);
		expect(asked).toBe(1);
		await vi.advanceTimersByTimeAsync(INTERVAL_MS);
		expect(asked).toBe(2);
	});

	it('waits offline and asks as soon as the network comes back', async () => {
		const online = onlineSwitch(false);
		keep(online);
		await vi.advanceTimersByTimeAsync(INTERVAL_MS * 3);
		expect(asked).toBe(0);
		online.set(true);
		await vi.advanceTimersByTimeAsync(0);
		expect(asked).toBe(1);
	});

	it('shares a request already out instead of sending a second', async () => {
		const running = keep();
		const [first, second] = [running.refresh(), running.refresh()];
		await vi.advanceTimersByTimeAsync(0);
		expect(await first).toEqual(await second);
		expect(asked).toBe(1);
	});

	it('asks nothing more once stopped', async () => {
		const online = onlineSwitch(true);
		const running = keep(online);
		await vi.advanceTimersByTimeAsync(0);
		running.stop();
		online.set(false);
		online.set(true);
		await vi.advanceTimersByTimeAsync(INTERVAL_MS * 3);
		expect(await running.refresh()).toEqual({ ok: false, reason: 'network' });
		expect(asked).toBe(1);
	});
});
