import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStore } from '$lib/session/memory-store.test-support';

const store = memoryStore();
let module: typeof import('./language.svelte');

beforeAll(async () => {
	// The language is read from the device's storage when the module loads, as in a browser.
	store.setItem('hssk_language', 'en');
	Object.assign(globalThis, { localStorage: store });
	module = await import('./language.svelte');
});

afterAll(() => {
	Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('chosen language', () => {
	it('starts in the language remembered on the device', () => {
		expect(module.language.current).toBe('en');
		expect(module.t('app.name')).toBe('Health records');
		expect(module.m('required')).toBe('This field is required');
	});

	it('switches and remembers the switch', () => {
		module.language.toggle();
		expect(module.language.current).toBe('vi');
		expect(store.getItem('hssk_language')).toBe('vi');
		expect(module.t('sync.waiting', { count: 3 })).toBe('3 chưa gửi');
		expect(module.m('phone.format')).toBe('Số điện thoại gồm 10 chữ số, bắt đầu bằng 0');
	});
});
