import { describe, expect, it } from 'vitest';
import { guardRedirect, homeFor, readsDeviceRecords, safeNextPath } from './route-guard';

const at = (path: string) => new URL(path, 'http://127.0.0.1:3000');

describe('route guard', () => {
	it('sends a visitor without a session to sign in, remembering where they were going', () => {
		expect(guardRedirect(at('/'), null)).toBe('/dang-nhap');
		expect(guardRedirect(at('/ho/moi'), null)).toBe('/dang-nhap?tiep=%2Fho%2Fmoi');
		expect(guardRedirect(at('/ho/x?a=1'), null)).toBe('/dang-nhap?tiep=%2Fho%2Fx%3Fa%3D1');
		expect(guardRedirect(at('/dang-nhap'), null)).toBeNull();
	});

	it('lets collaborators onto the data screens only, and ward staff onto their progress too', () => {
		for (const role of ['collaborator', 'ward_staff'] as const) {
			expect(guardRedirect(at('/'), { role })).toBeNull();
			expect(guardRedirect(at('/thanh-vien/x/khai-bao'), { role })).toBeNull();
			expect(homeFor({ role })).toBe('/');
		}
		expect(guardRedirect(at('/giam-sat'), { role: 'collaborator' })).toBe('/');
		expect(guardRedirect(at('/giam-sat?don-vi=26956'), { role: 'ward_staff' })).toBeNull();
		expect(guardRedirect(at('/quan-ly'), { role: 'ward_staff' })).toBeNull();
		expect(guardRedirect(at('/quan-ly'), { role: 'collaborator' })).toBe('/');
		expect(guardRedirect(at('/quan-ly'), { role: 'city_supervisor' })).toBe('/giam-sat');
		expect(guardRedirect(at('/quan-ly/dan-cu'), { role: 'ward_staff' })).toBeNull();
		expect(guardRedirect(at('/quan-ly/dan-cu'), { role: 'collaborator' })).toBe('/');
		expect(guardRedirect(at('/nhat-ky'), { role: 'ward_staff' })).toBeNull();
		expect(guardRedirect(at('/nhat-ky'), { role: 'collaborator' })).toBe('/');
		expect(guardRedirect(at('/nhat-ky'), { role: 'admin' })).toBe('/giam-sat');
	});

	it('keeps supervisors and admins on their own page', () => {
		for (const role of ['district_supervisor', 'city_supervisor', 'admin'] as const) {
			expect(guardRedirect(at('/'), { role })).toBe('/giam-sat');
			expect(guardRedirect(at('/ho/moi'), { role })).toBe('/giam-sat');
			expect(guardRedirect(at('/giam-sat'), { role })).toBeNull();
		}
	});

	it("lets administrators onto the administrator's screens, and no one else", () => {
		expect(guardRedirect(at('/quan-tri/don-vi'), { role: 'admin' })).toBeNull();
		expect(guardRedirect(at('/quan-tri/don-vi'), null)).toBe(
			'/dang-nhap?tiep=%2Fquan-tri%2Fdon-vi'
		);
		for (const role of ['collaborator', 'ward_staff'] as const) {
			expect(guardRedirect(at('/quan-tri/don-vi'), { role })).toBe('/');
		}
		for (const role of ['district_supervisor', 'city_supervisor'] as const) {
			expect(guardRedirect(at('/quan-tri/don-vi'), { role })).toBe('/giam-sat');
		}
		const resident = { role: 'resident' as const, household: 'household:x' };
		expect(guardRedirect(at('/quan-tri/don-vi'), resident)).toBe('/ho/x');
	});

	it("keeps a household's phone on its own household's screens", () => {
		const resident = {
			role: 'resident' as const,
			household: 'household:0f8c1c7e-1b2a-4c3d-9e8f-001122334455'
		};
		const own = '/ho/0f8c1c7e-1b2a-4c3d-9e8f-001122334455';
		expect(homeFor(resident)).toBe(own);
		expect(guardRedirect(at(own), resident)).toBeNull();
		expect(guardRedirect(at(`${own}/thanh-vien/moi`), resident)).toBeNull();
		expect(guardRedirect(at(`${own}/sua`), resident)).toBeNull();
		expect(guardRedirect(at('/thanh-vien/x/khai-bao'), resident)).toBeNull();
		for (const elsewhere of ['/', '/ho/moi', '/ho/another', '/quet', '/in-phieu', '/giam-sat']) {
			expect(guardRedirect(at(elsewhere), resident), elsewhere).toBe(own);
		}
		expect(guardRedirect(at('/dang-nhap'), resident)).toBe(own);
	});

	it('opens a claim link to anyone, signed in or not', () => {
		expect(guardRedirect(at('/q/abcdefghijklmnopqrstuvwx'), null)).toBeNull();
		expect(guardRedirect(at('/q/abcdefghijklmnopqrstuvwx'), { role: 'collaborator' })).toBeNull();
	});

	it('moves a signed-in person off the sign-in page unless they asked to sign in again', () => {
		expect(guardRedirect(at('/dang-nhap'), { role: 'collaborator' })).toBe('/');
		expect(guardRedirect(at('/dang-nhap?lai=1'), { role: 'collaborator' })).toBeNull();
	});

	it('continues only to paths of this app after sign-in', () => {
		expect(safeNextPath('/ho/moi')).toBe('/ho/moi');
		expect(safeNextPath('//evil.example/x')).toBeNull();
		expect(safeNextPath('/\\evil.example')).toBeNull();
		expect(safeNextPath('https://evil.example')).toBeNull();
		expect(safeNextPath('/dang-nhap')).toBeNull();
		expect(safeNextPath(null)).toBeNull();
	});
});

describe('screens that wait for the records to be opened', () => {
	it('are the ones showing the records on the device', () => {
		expect(readsDeviceRecords('/')).toBe(true);
		expect(readsDeviceRecords('/ho/abc')).toBe(true);
		expect(readsDeviceRecords('/thanh-vien/abc/khai-bao')).toBe(true);
		expect(readsDeviceRecords('/quet')).toBe(true);
		expect(readsDeviceRecords('/giam-sat')).toBe(false);
		expect(readsDeviceRecords('/quan-ly/tong')).toBe(false);
		expect(readsDeviceRecords('/in-phieu')).toBe(false);
		expect(readsDeviceRecords('/q/abc')).toBe(false);
		expect(readsDeviceRecords('/quan-tri/don-vi')).toBe(false);
		expect(readsDeviceRecords('/dang-nhap')).toBe(false);
		expect(readsDeviceRecords('/giam-satx')).toBe(true);
	});
});
