import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';

describe('base64', () => {
	it('round-trips every byte value, and more bytes than one slice of fromCharCode', () => {
		const bytes = new Uint8Array(100_000).map((_, index) => (index * 7) % 256);
		const text = bytesToBase64(bytes);
		expect(text).toBe(Buffer.from(bytes).toString('base64'));
		expect(base64ToBytes(text)).toEqual(bytes);
	});
});
