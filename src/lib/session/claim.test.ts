// The phone's half of claiming a household, against answers shaped as the server's claim
// endpoints give them (tests/integration/household-claim.test.ts checks the server's half).

import { describe, expect, it } from 'vitest';
import { newQrToken, type SessionUser } from '$lib/domain';
import { claimedBefore, claimHousehold, previewClaim } from './claim';
import { memoryStore } from './memory-store.test-support';
import { readCurrentSession } from './saved-accounts';

const RESIDENT: SessionUser = {
	username: 'r-0123456789abcdef01234567',
	display_name: 'Hộ gia đình',
	role: 'resident',
	org_units: ['26956'],
	ward: { code: '26956', name: 'Phường 27', database: 'ward_26956', cadence_months: 6 },
	groups: [{ code: '26956-01', name: 'Tổ dân phố 1' }],
	household: 'household:0f8c1c7e-1b2a-4c3d-9e8f-001122334455'
};

function answering(status: number, body: unknown): typeof fetch {
	return async () =>
		new Response(JSON.stringify(body), {
			status,
			headers: { 'content-type': 'application/json' }
		});
}

const unreachable: typeof fetch = async () => {
	throw new TypeError('Failed to fetch');
};

describe('claiming a household on the phone', () => {
	it('keeps the resident session and remembers the link it came from', async () => {
		const store = memoryStore();
		const token = newQrToken();
		const outcome = await claimHousehold(
			{ token, answer: '1958' },
			{ fetch: answering(200, { user: RESIDENT }), store, deviceId: 'phone-0001' }
		);
		expect(outcome).toEqual({ ok: true, user: RESIDENT });
		expect(readCurrentSession(store)).toEqual({ user: RESIDENT, mode: 'online' });
		expect(await claimedBefore(token, store)).toEqual(RESIDENT);
		expect(await claimedBefore(newQrToken(), store)).toBeNull();
		// Only the token's hash is kept on the phone.
		expect([...store.entries.keys(), ...store.entries.values()].join()).not.toContain(token);
	});

	it("gives the server's reason, tries left and ward, and keeps nothing", async () => {
		const store = memoryStore();
		const outcome = await claimHousehold(
			{ token: newQrToken(), answer: '1900' },
			{
				fetch: answering(403, {
					error: 'forbidden',
					key: 'claim.wrong_answer',
					reason: 'Câu trả lời chưa đúng / That answer is not right',
					tries_left: 3,
					ward: { code: '26956', name: 'Phường 27', hotline: '1900 0000' }
				}),
				store,
				deviceId: 'phone-0001'
			}
		);
		expect(outcome).toMatchObject({
			ok: false,
			kind: 'refused',
			status: 403,
			key: 'claim.wrong_answer',
			triesLeft: 3,
			ward: { hotline: '1900 0000' }
		});
		expect(store.entries.size).toBe(0);
	});

	it('tells no network from a refusal, and refuses a user that is not a household', async () => {
		const store = memoryStore();
		const deps = { store, deviceId: 'phone-0001' };
		const input = { token: newQrToken(), answer: '1958' };
		expect(await claimHousehold(input, { ...deps, fetch: unreachable })).toEqual({
			ok: false,
			kind: 'unreachable'
		});
		const staff = { ...RESIDENT, role: 'ward_staff', household: undefined };
		expect(
			await claimHousehold(input, { ...deps, fetch: answering(200, { user: staff }) })
		).toMatchObject({ ok: false });
		expect(store.entries.size).toBe(0);
	});

	it('previews a live, a refused and an unreachable link', async () => {
		const token = newQrToken();
		expect(
			await previewClaim(token, {
				fetch: answering(200, { state: 'active', ward: { code: '26956', name: 'Phường 27' } })
			})
		).toEqual({ kind: 'active', ward: { code: '26956', name: 'Phường 27' } });
		expect(
			await previewClaim(token, {
				fetch: answering(410, { key: 'claim.revoked', reason: 'Mã QR này đã được thay / replaced' })
			})
		).toMatchObject({ kind: 'refused', status: 410, key: 'claim.revoked' });
		expect(await previewClaim(token, { fetch: unreachable })).toEqual({ kind: 'unreachable' });
		expect(await previewClaim(token, { fetch: answering(503, {}) })).toEqual({
			kind: 'unreachable'
		});
	});
});
