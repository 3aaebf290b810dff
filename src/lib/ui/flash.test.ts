import { describe, expect, it } from 'vitest';
import { flash } from './flash.svelte';

describe('one-navigation confirmation', () => {
	it('shows on the page it was meant for, and is gone once the person moves on', () => {
		flash.show('form.saved', '/ho/abc');
		expect(flash.on('/ho/abc/thanh-vien/moi')).toBeNull();
		flash.leave('/ho/abc');
		expect(flash.on('/ho/abc')).toBe('form.saved');
		flash.leave('/thanh-vien/xyz');
		expect(flash.on('/ho/abc')).toBeNull();
	});
});
