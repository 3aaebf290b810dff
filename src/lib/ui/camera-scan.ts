// Opens the phone's camera and reads QR codes from it. qr-scanner is imported here, on demand,
// so only the scan screen loads it (docs/decisions/qr-scanner.md); its worker is a chunk of
// the build like any other, cached by the service worker, so scanning works offline.
// Why the camera cannot open is worked out here, because qr-scanner reports every failure
// as "Camera not found." and a person needs to know whether to change a setting.

import type QrScanner from 'qr-scanner';

export type CameraProblem = 'insecure' | 'no_camera' | 'denied' | 'failed';

export type CameraScan = { stop(): void };

export type CameraStart = { ok: true; scan: CameraScan } | { ok: false; problem: CameraProblem };

/** Enough to read a held-up sheet at once without keeping a cheap phone's processor busy. */
const SCANS_PER_SECOND = 5;

async function hasCamera(): Promise<boolean> {
	try {
		const devices = await navigator.mediaDevices.enumerateDevices();
		return devices.some((device) => device.kind === 'videoinput');
	} catch {
		return false;
	}
}

async function isCameraDenied(): Promise<boolean> {
	try {
		const permission = await navigator.permissions.query({ name: 'camera' });
		return permission.state === 'denied';
	} catch {
		// Some browsers cannot be asked about the camera.
		return false;
	}
}

/** Starts reading codes into `onCode` (possibly the same code many times a second). */
export async function startCameraScan(
	video: HTMLVideoElement,
	onCode: (text: string) => void
): Promise<CameraStart> {
	if (!window.isSecureContext) return { ok: false, problem: 'insecure' };
	if (!navigator.mediaDevices?.getUserMedia || !(await hasCamera())) {
		return { ok: false, problem: 'no_camera' };
	}
	let scanner: QrScanner;
	try {
		const { default: Scanner } = await import('qr-scanner');
		scanner = new Scanner(video, (result) => onCode(result.data), {
			returnDetailedScanResult: true,
			preferredCamera: 'environment',
			maxScansPerSecond: SCANS_PER_SECOND,
			// Frames without a code are the normal state, not errors.
			onDecodeError: () => {}
		});
	} catch (error) {
		console.error('The QR scanner could not be loaded', error);
		return { ok: false, problem: 'failed' };
	}
	try {
		await scanner.start();
	} catch {
		scanner.destroy();
		return { ok: false, problem: (await isCameraDenied()) ? 'denied' : 'failed' };
	}
	return { ok: true, scan: { stop: () => scanner.destroy() } };
}
