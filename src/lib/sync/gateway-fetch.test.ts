// The gateway's answers here are written out in the shapes docs/architecture.md gives them.

import { describe, expect, it } from 'vitest';
import { gatewayFetch, GatewayError, type GatewayObservation } from './gateway-fetch';

function answering(status: number, body: unknown) {
	const requests: { url: string; init?: RequestInit }[] = [];
	const base: typeof fetch = async (input, init) => {
		requests.push({ url: String(input), init });
		return new Response(JSON.stringify(body), {
			status,
			headers: { 'content-type': 'application/json' }
		});
	};
	return { requests, base };
}

describe('gateway fetch', () => {
	it('asks _changes for one record type and sends the session cookie', async () => {
		const { requests, base } = answering(200, { results: [], last_seq: 0 });
		const observed: GatewayObservation[] = [];
		const fetch = gatewayFetch({ recordType: 'person', base, observe: (o) => observed.push(o) });
		await fetch('https://hssk.test/db/ward_26956/_changes?style=all_docs&since=0&limit=200');
		expect(requests[0].url).toBe(
			'https://hssk.test/db/ward_26956/_changes?type=person&style=all_docs&since=0&limit=200'
		);
		expect(requests[0].init?.credentials).toBe('include');
		expect(observed).toEqual([{ kind: 'ok', operation: 'pull' }]);
	});

	it('leaves other requests as they are', async () => {
		const { requests, base } = answering(200, { rows: [] });
		await gatewayFetch({ recordType: 'person', base })('/db/ward_26956/_all_docs?', {
			method: 'POST',
			body: '{"keys":[]}'
		});
		expect(requests[0].url).toBe('/db/ward_26956/_all_docs?');
		expect(requests[0].init?.method).toBe('POST');
	});

	it('takes refused rows out of a _bulk_docs answer and reports them', async () => {
		const rows = [
			{ id: 'household:a', ok: true, rev: '1-a' },
			{
				id: 'household:b',
				error: 'forbidden',
				reason: 'group: Mã đơn vị không hợp lệ / Invalid unit code'
			},
			{ id: 'household:c', error: 'conflict', reason: 'Document update conflict.' }
		];
		const { base } = answering(201, rows);
		const observed: GatewayObservation[] = [];
		const response = await gatewayFetch({
			recordType: 'household',
			base,
			observe: (o) => observed.push(o)
		})('/db/ward_26956/_bulk_docs?', { method: 'POST', body: '{"docs":[]}' });
		expect(await response.json()).toEqual([rows[0], rows[2]]);
		expect(observed).toEqual([
			{
				kind: 'refused',
				records: [
					{ id: 'household:b', reason: 'group: Mã đơn vị không hợp lệ / Invalid unit code' }
				]
			},
			{ kind: 'ok', operation: 'push' }
		]);
	});

	it('reports rows of erased data as erasures to drop, not as refusals', async () => {
		const erasedReason = 'household: Hộ này đã được xóa dữ liệu / was erased at its request';
		const rows = [
			{ id: 'declaration:a', ok: true, rev: '1-a' },
			{
				id: 'declaration:b',
				error: 'forbidden',
				reason: erasedReason,
				erased_household: 'household:gone'
			}
		];
		const { base } = answering(201, rows);
		const observed: GatewayObservation[] = [];
		const response = await gatewayFetch({
			recordType: 'declaration',
			base,
			observe: (o) => observed.push(o)
		})('/db/ward_26956/_bulk_docs?', { method: 'POST', body: '{"docs":[]}' });
		expect(await response.json()).toEqual([rows[0]]);
		expect(observed).toEqual([
			{ kind: 'erased', notices: [{ household: 'household:gone', records: ['declaration:b'] }] },
			{ kind: 'ok', operation: 'push' }
		]);
	});

	it('turns an expired session into a message and an error RxDB retries', async () => {
		const { base } = answering(401, { error: 'unauthorized', reason: 'Phiên đã hết hạn' });
		const observed: GatewayObservation[] = [];
		const request = gatewayFetch({
			recordType: 'household',
			base,
			observe: (o) => observed.push(o)
		})('/db/ward_26956/_changes?since=0');
		await expect(request).rejects.toBeInstanceOf(GatewayError);
		expect(observed).toEqual([
			{
				kind: 'failed',
				operation: 'pull',
				key: 'sync.signed_out',
				detail: '401 unauthorized: Phiên đã hết hạn'
			}
		]);
	});

	it('reports a dropped network, but not a request it aborted itself', async () => {
		const observed: GatewayObservation[] = [];
		const down: typeof fetch = async () => {
			throw new TypeError('fetch failed');
		};
		const aborter = new AbortController();
		const fetch = gatewayFetch({
			recordType: 'household',
			base: down,
			signal: aborter.signal,
			observe: (o) => observed.push(o)
		});
		await expect(fetch('/db/ward_26956/_bulk_docs?')).rejects.toThrow('fetch failed');
		aborter.abort();
		await expect(fetch('/db/ward_26956/_bulk_docs?')).rejects.toThrow('fetch failed');
		expect(observed).toEqual([
			{ kind: 'failed', operation: 'push', key: 'sync.network', detail: 'TypeError: fetch failed' }
		]);
	});
});
