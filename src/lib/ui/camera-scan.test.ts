// Why the camera cannot open decides what the screen tells the person, so each reason is
// checked here with the browser's answers stood in; the real camera is the e2e test's.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type FakeScanner = {
	onDecode: (result: { data: string }) => void;
	start: ReturnType<typeof vi.fn>;
	destroy: ReturnType<typeof vi.fn>;
};

const scanners: FakeScanner[] = [];
let startFails = false;

vi.mock('qr-scanner', () => ({
	default: class {
		onDecode: FakeScanner['onDecode'];
		start = vi.fn(async () => {
			if (startFails) throw 'Camera not found.';
		});
		destroy = vi.fn();
		constructor(_video: unknown, onDecode: FakeScanner['onDecode']) {
			this.onDecode = onDecode;
			scanners.push(this);
		}
	}
}));

const { startCameraScan } = await import('./camera-scan');

const VIDEO = {} as HTMLVideoElement;
const CAMERA = { kind: 'videoinput' } as MediaDeviceInfo;
const MICROPHONE = { kind: 'audioinput' } as MediaDeviceInfo;

function browser(options: {
	isSecure?: boolean;
	devices?: MediaDeviceInfo[] | null;
	permission?: PermissionState | 'unsupported';
}) {
	vi.stubGlobal('window', { isSecureContext: options.isSecure ?? true });
	const devices = options.devices === undefined ? [CAMERA] : options.devices;
	vi.stubGlobal('navigator', {
		mediaDevices: devices
			? { getUserMedia: async () => ({}), enumerateDevices: async () => devices }
			: undefined,
		permissions: {
			query: async () => {
				if (options.permission === 'unsupported') throw new TypeError('camera');
				return { state: options.permission ?? 'granted' };
			}
		}
	});
}

beforeEach(() => {
	scanners.length = 0;
	startFails = false;
});

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('opening the camera to scan', () => {
	it('needs a secure page, and does not load the scanner without one', async () => {
		browser({ isSecure: false });
		expect(await startCameraScan(VIDEO, () => {})).toEqual({ ok: false, problem: 'insecure' });
		expect(scanners).toHaveLength(0);
	});

	it('says there is no camera when the browser has no media devices or no video input', async () => {
		for (const devices of [null, [], [MICROPHONE]]) {
			browser({ devices });
			expect(await startCameraScan(VIDEO, () => {})).toEqual({ ok: false, problem: 'no_camera' });
		}
		expect(scanners).toHaveLength(0);
	});

	it('tells a refused permission from another failure, and lets the camera go', async () => {
		startFails = true;
		browser({ permission: 'denied' });
		expect(await startCameraScan(VIDEO, () => {})).toEqual({ ok: false, problem: 'denied' });
		for (const permission of ['prompt', 'granted', 'unsupported'] as const) {
			browser({ permission });
			expect(await startCameraScan(VIDEO, () => {})).toEqual({ ok: false, problem: 'failed' });
		}
		expect(scanners.every((scanner) => scanner.destroy.mock.calls.length === 1)).toBe(true);
	});

	it('passes what the camera reads on, and closes the camera on stop', async () => {
		browser({});
		const read: string[] = [];
		const started = await startCameraScan(VIDEO, (text) => read.push(text));
		if (!started.ok) throw new Error(`did not start: ${started.problem}`);
		scanners[0].onDecode({ data: 'https://hssk.example.vn/q/abc' });
		expect(read).toEqual(['https://hssk.example.vn/q/abc']);
		expect(scanners[0].destroy).not.toHaveBeenCalled();
		started.scan.stop();
		expect(scanners[0].destroy).toHaveBeenCalledOnce();
	});
});
