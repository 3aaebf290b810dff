import { describe, expect, it } from 'vitest';
import { sealValue, openValue } from './field-encryption';
import { DATA_KEY_PREFIX, openOrCreateDataKey, readWrappedKey, rewrapDataKey } from './device-key';
import { memoryStore } from '../session/memory-store.test-support';

const FAST = { iterations: 100_000 };

describe('the data key', () => {
	it('is kept wrapped only, and opens with the same password alone', async () => {
		const store = memoryStore();
		const made = await openOrCreateDataKey(store, 'ctv-demo', 'demo-password', FAST);
		if (!made.ok) throw new Error('not made');
		expect(made.created).toBe(true);
		expect(made.key.extractable).toBe(false);
		const saved = store.getItem(DATA_KEY_PREFIX + 'ctv-demo') ?? '';
		expect(saved).not.toContain('demo-password');
		expect(readWrappedKey(store, 'ctv-demo')?.iterations).toBe(100_000);

		const sealed = await sealValue(made.key, { allergies: 'tôm' }, 'declaration:1', 'health');
		const again = await openOrCreateDataKey(store, 'ctv-demo', 'demo-password', FAST);
		if (!again.ok) throw new Error('not opened');
		expect(again.created).toBe(false);
		expect(await openValue(again.key, sealed, 'declaration:1', 'health')).toEqual({
			allergies: 'tôm'
		});
		expect(await openOrCreateDataKey(store, 'ctv-demo', 'wrong-password', FAST)).toEqual({
			ok: false,
			reason: 'wrong_secret'
		});
		// A sealed value moved to another record does not open.
		await expect(openValue(again.key, sealed, 'declaration:2', 'health')).rejects.toThrow();
	});

	it('is wrapped again for a new password without changing the key', async () => {
		const store = memoryStore();
		const made = await openOrCreateDataKey(store, 'ctv-demo', 'old-password', FAST);
		if (!made.ok) throw new Error('not made');
		const sealed = await sealValue(made.key, 61.5, 'declaration:1', 'health');
		expect((await rewrapDataKey(store, 'ctv-demo', 'bad', 'new-password', FAST)).ok).toBe(false);
		expect((await rewrapDataKey(store, 'ctv-demo', 'old-password', 'new-password', FAST)).ok).toBe(
			true
		);
		expect((await openOrCreateDataKey(store, 'ctv-demo', 'old-password', FAST)).ok).toBe(false);
		const opened = await openOrCreateDataKey(store, 'ctv-demo', 'new-password', FAST);
		if (!opened.ok) throw new Error('not opened');
		expect(await openValue(opened.key, sealed, 'declaration:1', 'health')).toBe(61.5);
	});
});
