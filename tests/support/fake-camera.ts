// A camera for Chromium that films a printed QR code: the code rendered by `qrcode` into a
// grey frame and written as a Y4M video, which Chromium plays in a loop as its fake camera
// (`--use-file-for-fake-video-capture`). So the end-to-end tests scan for real: the app's
// scanner decodes pixels, nothing is handed to it.

import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

export type FakeCameraOptions = { width?: number; height?: number; frames?: number };

/** Print on paper under room light: not pure black and white. */
const PAPER = 230;
const INK = 25;
const QUIET_ZONE_MODULES = 4;
/** The code fills about half the frame's height, well inside qr-scanner's centre region. */
const CODE_SHARE_OF_HEIGHT = 0.55;

/** The grey (luma) picture of `text` as a QR code, centred on a frame of paper. */
export function qrFrame(text: string, width: number, height: number): Uint8Array {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const span = modules.size + 2 * QUIET_ZONE_MODULES;
	const pixelsPerModule = Math.max(1, Math.floor((height * CODE_SHARE_OF_HEIGHT) / span));
	const left = Math.floor((width - span * pixelsPerModule) / 2);
	const top = Math.floor((height - span * pixelsPerModule) / 2);
	const luma = new Uint8Array(width * height).fill(PAPER);
	for (let row = 0; row < modules.size; row += 1) {
		for (let column = 0; column < modules.size; column += 1) {
			if (!modules.get(row, column)) continue;
			const x0 = left + (column + QUIET_ZONE_MODULES) * pixelsPerModule;
			const y0 = top + (row + QUIET_ZONE_MODULES) * pixelsPerModule;
			for (let y = y0; y < y0 + pixelsPerModule; y += 1) {
				luma.fill(INK, y * width + x0, y * width + x0 + pixelsPerModule);
			}
		}
	}
	return luma;
}

/** Writes a Y4M (4:2:0) video of `text`'s QR code, grey: chroma planes at 128. */
export function writeQrVideo(file: string, text: string, options: FakeCameraOptions = {}): void {
	const width = options.width ?? 640;
	const height = options.height ?? 480;
	const frames = options.frames ?? 2;
	const encoder = new TextEncoder();
	const header = encoder.encode(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
	const frameMark = encoder.encode('FRAME\n');
	const luma = qrFrame(text, width, height);
	const chromaLength = (width / 2) * (height / 2) * 2;
	const frameLength = frameMark.length + luma.length + chromaLength;
	const video = new Uint8Array(header.length + frames * frameLength);
	video.set(header);
	for (let index = 0; index < frames; index += 1) {
		const start = header.length + index * frameLength;
		video.set(frameMark, start);
		video.set(luma, start + frameMark.length);
		video.fill(128, start + frameMark.length + luma.length, start + frameLength);
	}
	writeFileSync(file, video);
}

/**
 * Chromium's switches for a camera that plays `file`. The permission is left to the test
 * (granted or refused through the DevTools protocol): `--use-fake-ui-for-media-stream` would
 * accept every request, even one the person refused.
 */
export function fakeCameraArgs(file: string): string[] {
	return ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}
