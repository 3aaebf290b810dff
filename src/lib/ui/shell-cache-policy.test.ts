import { describe, expect, it } from 'vitest';
import {
	cachedAssets,
	shellDepth,
	shellPolicy,
	shellUrl,
	type ShellRequest
} from './shell-cache-policy';

const ORIGIN = 'http://127.0.0.1:3000';
const context = {
	origin: ORIGIN,
	base: '',
	assets: cachedAssets('', ['/_app/immutable/entry/start.js', '/icon.svg', '/_app/version.json'])
};
const request = (path: string, overrides: Partial<ShellRequest> = {}): ShellRequest => ({
	method: 'GET',
	url: new URL(path, ORIGIN),
	mode: 'cors',
	...overrides
});

describe('service worker request policy', () => {
	it('never caches the API or the sync gateway, even for a page load', () => {
		expect(shellPolicy(request('/api/session'), context)).toBe('network_only');
		expect(shellPolicy(request('/db/ward_26956/_changes?since=0'), context)).toBe('network_only');
		expect(shellPolicy(request('/api/health', { mode: 'navigate' }), context)).toBe('network_only');
		expect(shellPolicy(request('/db/ward_26956/', { mode: 'navigate' }), context)).toBe(
			'network_only'
		);
	});

	it('tries the network first for every page address', () => {
		expect(shellPolicy(request('/', { mode: 'navigate' }), context)).toBe('navigate');
		expect(
			shellPolicy(request('/ho/abc/thanh-vien/moi?chu-ho=1', { mode: 'navigate' }), context)
		).toBe('navigate');
	});

	it('serves the cached app files and nothing else from the cache', () => {
		expect(shellPolicy(request('/_app/immutable/entry/start.js'), context)).toBe('cache_first');
		expect(shellPolicy(request('/icon.svg'), context)).toBe('cache_first');
		expect(shellPolicy(request('/_app/version.json'), context)).toBe('network_only');
		expect(shellPolicy(request('/anything-else.json'), context)).toBe('network_only');
	});

	it('leaves writes and other origins alone', () => {
		expect(shellPolicy(request('/icon.svg', { method: 'POST' }), context)).toBe('network_only');
		expect(
			shellPolicy(
				{ method: 'GET', url: new URL('https://example.org/icon.svg'), mode: 'cors' },
				context
			)
		).toBe('network_only');
	});

	it('respects a base path', () => {
		const based = {
			origin: ORIGIN,
			base: '/hssk',
			assets: cachedAssets('/hssk', ['/hssk/icon.svg'])
		};
		expect(shellPolicy(request('/hssk/api/session'), based)).toBe('network_only');
		expect(shellPolicy(request('/hssk/icon.svg'), based)).toBe('cache_first');
	});
});

describe('app shell per depth', () => {
	it('counts the ".." a page needs, as Kit writes its relative asset paths', () => {
		expect(shellDepth('/', '')).toBe(0);
		expect(shellDepth('/dang-nhap', '')).toBe(0);
		expect(shellDepth('/ho/abc', '')).toBe(1);
		expect(shellDepth('/ho/abc/thanh-vien/moi', '')).toBe(3);
		expect(shellDepth('/hssk/ho/abc', '/hssk')).toBe(1);
	});

	it('names one address per depth, whose own depth is that depth', () => {
		for (let depth = 0; depth < 5; depth += 1) {
			expect(shellDepth(shellUrl(depth, ''), '')).toBe(depth);
		}
		expect(shellUrl(0, '')).toBe('/');
		expect(shellUrl(9, '')).toBe(shellUrl(4, ''));
	});
});
