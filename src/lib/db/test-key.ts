// Test support only (never imported by the app): one data key for every test device database
// of the process, so a test that reopens a database on the same storage can open it again.

let key: Promise<CryptoKey> | null = null;

export function testDataKey(): Promise<CryptoKey> {
	key ??= crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
		'encrypt',
		'decrypt'
	]);
	return key;
}
