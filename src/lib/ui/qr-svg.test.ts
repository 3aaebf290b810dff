import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { claimLink, newQrToken } from '$lib/domain';
import { qrSvg } from './qr-svg';

const PIXELS_PER_MODULE = 4;

/**
 * Paints the SVG the way a browser would, so the test reads the code from the markup itself
 * rather than from what qrcode says it drew. qrcode draws each run of dark modules in a row
 * as one horizontal stroke: `M x y` / `m dx dy` move, `h n` draws n modules.
 */
function paint(svg: string): { data: Uint8ClampedArray; width: number; height: number } {
	const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
	const stroke = /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(svg);
	if (!viewBox || !stroke) throw new Error('not a qrcode SVG');
	const modules = Number(viewBox[1]);
	const width = modules * PIXELS_PER_MODULE;
	const data = new Uint8ClampedArray(width * width * 4).fill(255);
	let x = 0;
	let y = 0;
	for (const [, command, a, b] of stroke[1].matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
		if (command === 'M') [x, y] = [Number(a), Number(b)];
		else if (command === 'm') [x, y] = [x + Number(a), y + Number(b ?? 0)];
		else {
			const row = Math.floor(y);
			for (let column = x; column < x + Number(a); column++) {
				for (let dy = 0; dy < PIXELS_PER_MODULE; dy++) {
					for (let dx = 0; dx < PIXELS_PER_MODULE; dx++) {
						const pixel =
							((row * PIXELS_PER_MODULE + dy) * width + column * PIXELS_PER_MODULE + dx) * 4;
						data.fill(0, pixel, pixel + 3);
					}
				}
			}
			x += Number(a);
		}
	}
	return { data, width, height: width };
}

describe('household QR code as SVG', () => {
	it('holds exactly the claim link', async () => {
		for (const origin of ['http://127.0.0.1:3000', 'https://hssk.example.gov.vn']) {
			const link = claimLink(origin, newQrToken());
			const image = paint(await qrSvg(link));
			expect(jsQR(image.data, image.width, image.height)?.data).toBe(link);
		}
	});

	it('uses level M and keeps a four-module quiet zone around the code', async () => {
		const link = claimLink('https://hssk.example.gov.vn', newQrToken());
		const code = QRCode.create(link, { errorCorrectionLevel: 'M' });
		const svg = await qrSvg(link);
		const side = code.modules.size + 8;
		expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);
		// The first dark module is the finder pattern's corner, four modules in.
		expect(svg).toMatch(/d="M4 4\.5h7/);
	});

	it('leaves the printed size to the page and carries nothing but the drawing', async () => {
		const svg = await qrSvg(claimLink('https://hssk.example.gov.vn', newQrToken()));
		expect(svg).not.toMatch(/<svg[^>]*\swidth=/);
		expect(svg).not.toMatch(/<(script|text|a|foreignObject)\b/i);
	});
});
