// The household's QR code drawn on the device as SVG, so it prints sharp at any size and
// the claim link never goes to a third-party QR service.

import QRCode from 'qrcode';

/** Level M survives a fold or a smudge on a door; a four-module quiet zone is the standard's. */
export const QR_SVG_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 4 } as const;

/** SVG markup with a viewBox and no fixed size: the sheet's CSS sets the printed size. */
export function qrSvg(link: string): Promise<string> {
	return QRCode.toString(link, QR_SVG_OPTIONS);
}
