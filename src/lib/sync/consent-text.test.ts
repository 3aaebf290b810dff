import { describe, expect, it } from 'vitest';
import type { ConsentText } from '$lib/domain';
import { standardConsentText } from '$lib/domain/consent-standard';
import { consentTextKey, refreshConsentText, savedConsentText } from './consent-text';

function memoryStore(): Storage {
	const items = new Map<string, string>();
	return {
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, value),
		removeItem: (key) => void items.delete(key),
		clear: () => items.clear(),
		key: (index) => [...items.keys()][index] ?? null,
		get length() {
			return items.size;
		}
	};
}

const v2: ConsentText = {
	...standardConsentText('26956'),
	version: 2,
	vi: 'Phiên bản hai của phường: hộ gia đình đồng ý cho trạm y tế thu thập thông tin sức khỏe.',
	created_at: '2026-12-01T08:00:00.000+07:00',
	created_by: 'ward-demo'
};

function answering(status: number, body: unknown): typeof fetch {
	return async () => new Response(JSON.stringify(body), { status });
}

describe('the consent text on the device', () => {
	it('is the standard text until the server has answered, and the saved one after', async () => {
		const store = memoryStore();
		expect(savedConsentText(store, '26956').version).toBe(0);
		expect(
			await refreshConsentText({ store, fetch: answering(200, { text: v2 }), origin: '' })
		).toEqual(v2);
		expect(savedConsentText(store, '26956')).toEqual(v2);
		expect(savedConsentText(store, '26957').version).toBe(0);
	});

	it('keeps the saved copy when the server fails, answers nonsense, or sends an older one', async () => {
		const store = memoryStore();
		await refreshConsentText({ store, fetch: answering(200, { text: v2 }), origin: '' });
		const offline: typeof fetch = async () => {
			throw new TypeError('Failed to fetch');
		};
		expect(await refreshConsentText({ store, fetch: offline, origin: '' })).toBeNull();
		expect(await refreshConsentText({ store, fetch: answering(500, {}), origin: '' })).toBeNull();
		expect(
			await refreshConsentText({ store, fetch: answering(200, { text: { vi: 'x' } }), origin: '' })
		).toBeNull();
		const older = { ...v2, version: 1 };
		expect(
			await refreshConsentText({ store, fetch: answering(200, { text: older }), origin: '' })
		).toBeNull();
		expect(savedConsentText(store, '26956')).toEqual(v2);
	});

	it('ignores a damaged saved copy', () => {
		const store = memoryStore();
		store.setItem(consentTextKey('26956'), '{not json');
		expect(savedConsentText(store, '26956').version).toBe(0);
		store.setItem(consentTextKey('26956'), JSON.stringify({ ...v2, ward: '11111' }));
		expect(savedConsentText(store, '26956').version).toBe(0);
	});
});
