import { describe, expect, it } from 'vitest';
import { DEVICE_ID_KEY, deviceId, type KeyValueStore } from './device-id';

function memoryStore(): KeyValueStore & { values: Map<string, string> } {
	const values = new Map<string, string>();
	return {
		values,
		getItem: (key) => values.get(key) ?? null,
		setItem: (key, value) => void values.set(key, value)
	};
}

describe('device id', () => {
	it('is made once and kept in the store', () => {
		const store = memoryStore();
		const first = deviceId(store);
		expect(first).toMatch(/^[A-Za-z0-9-]{8,64}$/);
		expect(store.values.get(DEVICE_ID_KEY)).toBe(first);
		expect(deviceId(store)).toBe(first);
	});

	it('replaces a saved value that is not a device id', () => {
		const store = memoryStore();
		store.values.set(DEVICE_ID_KEY, 'x');
		expect(deviceId(store)).not.toBe('x');
	});

	it('falls back to one id for the process without a usable store', () => {
		const broken: KeyValueStore = {
			getItem: () => {
				throw new Error('blocked');
			},
			setItem: () => {}
		};
		expect(deviceId(undefined)).toBe(deviceId(broken));
	});
});
