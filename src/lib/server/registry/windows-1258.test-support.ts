// Text as a Windows PC saves it in code page 1258: the letters â ă ê ô ơ ư đ whole, and each
// tone as a combining mark after its letter, the way Vietnamese office software writes it.

import iconv from 'iconv-lite';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

export function windows1258(text: string): Uint8Array<ArrayBuffer> {
	const spelled = [...text.normalize('NFD')]
		.join('')
		.replace(/([^\u0300-\u036f][\u0300-\u036f]*)/g, (letter: string) => {
			const tones = letter.match(TONES)?.join('') ?? '';
			return letter.replace(TONES, '').normalize('NFC') + tones;
		});
	return new Uint8Array(iconv.encode(spelled, 'windows1258'));
}
