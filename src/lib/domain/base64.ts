// Bytes as base64 text, for what the device keeps in JSON (salts, wrapped keys, sealed
// fields). `String.fromCharCode` is fed in slices: a sealed field can be long, and one call
// with every byte as an argument overflows the stack.

const SLICE = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let index = 0; index < bytes.length; index += SLICE) {
		binary += String.fromCharCode(...bytes.subarray(index, index + SLICE));
	}
	return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
	return bytes;
}
