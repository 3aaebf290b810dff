import { describe, expect, it } from 'vitest';
import type { QrSheetsAnswer } from '$lib/domain';
import { fetchSheets, SHEETS_ENDPOINT } from './sheets-fetch';

const ANSWER: QrSheetsAnswer = {
	ward: {
		code: '26956',
		name: 'Phường 27',
		database: 'ward_26956',
		cadence_months: 6,
		hotline: '1900 0000'
	},
	group: { code: '26956-01', name: 'Tổ dân phố 1' },
	sheets: [
		{
			household: 'household:1',
			house_number: '12/3A',
			street: 'Bình Quới',
			head_name: 'Đặng Thị Ánh Tuyết',
			link: 'http://127.0.0.1:3000/q/AAAAAAAAAAAAAAAAAAAAAAAA',
			check_code: 'AB2C3D'
		}
	]
};

function answering(status: number, body: unknown, asked: string[] = []): typeof fetch {
	return async (input) => {
		asked.push(String(input));
		return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
			status,
			headers: { 'content-type': 'application/json' }
		});
	};
}

describe("fetching a group's sheets", () => {
	it('asks for the group and reads the answer', async () => {
		const asked: string[] = [];
		const outcome = await fetchSheets('26956-01', {
			fetch: answering(200, ANSWER, asked),
			isOnline: true
		});
		expect(outcome).toEqual({ ok: true, answer: ANSWER });
		expect(asked).toEqual([`${SHEETS_ENDPOINT}?group=26956-01`]);
	});

	it('says "offline" without asking when the device has no network', async () => {
		const asked: string[] = [];
		const outcome = await fetchSheets('26956-01', {
			fetch: answering(200, ANSWER, asked),
			isOnline: false
		});
		expect(outcome).toEqual({ ok: false, failure: 'offline' });
		expect(asked).toEqual([]);
	});

	it('says "offline" when the request never reaches the server', async () => {
		const outcome = await fetchSheets('26956-01', {
			fetch: async () => {
				throw new TypeError('Failed to fetch');
			},
			isOnline: true
		});
		expect(outcome).toEqual({ ok: false, failure: 'offline' });
	});

	it('tells a server that does not answer in time from no network', async () => {
		const outcome = await fetchSheets('26956-01', {
			fetch: (_, init) =>
				new Promise((_, reject) => {
					init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
				}),
			isOnline: true,
			timeoutMs: 1
		});
		expect(outcome).toEqual({ ok: false, failure: 'server' });
	});

	it('tells a gone session, a refusal with its reason and a failing server apart', async () => {
		const deps = (status: number, body: unknown) => ({
			fetch: answering(status, body),
			isOnline: true
		});
		const reason = 'Không có quyền / Not allowed';
		expect(await fetchSheets('26956-01', deps(401, { error: 'unauthorized' }))).toEqual({
			ok: false,
			failure: 'signed_out'
		});
		expect(await fetchSheets('26957-01', deps(403, { error: 'forbidden', reason }))).toEqual({
			ok: false,
			failure: 'refused',
			reason
		});
		expect(await fetchSheets('x', deps(400, 'not json'))).toEqual({
			ok: false,
			failure: 'refused',
			reason: undefined
		});
		expect(await fetchSheets('26956-01', deps(503, { error: 'service_unavailable' }))).toEqual({
			ok: false,
			failure: 'server'
		});
	});

	it('treats an answer of the wrong shape as a server problem', async () => {
		const broken = { ...ANSWER, sheets: [{ household: 'household:1' }] };
		for (const body of [broken, 'not json', { ward: null }]) {
			expect(
				await fetchSheets('26956-01', { fetch: answering(200, body), isOnline: true })
			).toEqual({ ok: false, failure: 'server' });
		}
	});
});
