import { describe, expect, it } from 'vitest';
import { linkConfig } from './link-schedule';

describe('linkConfig', () => {
	it('is off without a feed URL, or with an interval of 0', () => {
		expect(linkConfig({})).toBeNull();
		expect(
			linkConfig({ REGISTRY_LINK_URL: 'http://127.0.0.1:9/', REGISTRY_LINK_INTERVAL_MINUTES: '0' })
		).toBeNull();
	});
	it('runs hourly for every ward once a URL is given', () => {
		expect(linkConfig({ REGISTRY_LINK_URL: 'http://registry.example/api' })).toEqual({
			url: 'http://registry.example/api',
			intervalMinutes: 60,
			pageSize: 500,
			wards: 'all'
		});
	});
	it('reads the interval, the page size, the wards and the token', () => {
		expect(
			linkConfig({
				REGISTRY_LINK_URL: 'http://registry.example/api',
				REGISTRY_LINK_INTERVAL_MINUTES: '0.5',
				REGISTRY_LINK_PAGE_SIZE: '50',
				REGISTRY_LINK_WARDS: '26956, 26953',
				REGISTRY_LINK_TOKEN: 'secret'
			})
		).toEqual({
			url: 'http://registry.example/api',
			token: 'secret',
			intervalMinutes: 0.5,
			pageSize: 50,
			wards: ['26956', '26953']
		});
	});
});
