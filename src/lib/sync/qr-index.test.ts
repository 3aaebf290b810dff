import { describe, expect, it } from 'vitest';
import { claimLink, newQrToken, qrTokenHash } from '$lib/domain';
import {
	EMPTY_QR_INDEX,
	lookupScan,
	qrIndexKey,
	readQrIndex,
	refreshQrIndex,
	saveQrIndex,
	scansHouseholds,
	type QrIndexStore
} from './qr-index';

const HOUSEHOLD = 'household:2f0c9d4e-7b1a-4c3e-9f60-1d2a3b4c5d6e';
const OTHER_HOUSEHOLD = 'household:8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d';
const FETCHED_AT = new Date('2026-12-01T03:04:05.000Z');

function memoryStore(initial: Record<string, string> = {}): QrIndexStore & {
	items: Map<string, string>;
} {
	const items = new Map(Object.entries(initial));
	return {
		items,
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, value)
	};
}

function answering(status: number, body: unknown): typeof fetch {
	return async () =>
		new Response(typeof body === 'string' ? body : JSON.stringify(body), {
			status,
			headers: { 'content-type': 'application/json' }
		});
}

async function indexOf(pairs: [token: string, household: string][]) {
	const store = memoryStore();
	const entries = await Promise.all(
		pairs.map(async ([token, household]) => ({ token_hash: await qrTokenHash(token), household }))
	);
	return saveQrIndex(store, 'ctv-demo', entries, FETCHED_AT);
}

describe('the QR index on the device', () => {
	it('keeps the server answer per user and reads it back', async () => {
		const token = newQrToken();
		const store = memoryStore();
		const entries = [{ token_hash: await qrTokenHash(token), household: HOUSEHOLD }];
		saveQrIndex(store, 'ctv-demo', entries, FETCHED_AT);

		expect([...store.items.keys()]).toEqual(['hssk_qr_index:ctv-demo']);
		const index = readQrIndex(store, 'ctv-demo');
		expect(index.fetchedAt).toBe('2026-12-01T03:04:05.000Z');
		expect([...index.households]).toEqual([[entries[0].token_hash, HOUSEHOLD]]);
		expect(readQrIndex(store, 'ctv-demo-2')).toEqual(EMPTY_QR_INDEX);
	});

	it('reads a missing, unparsable or wrongly shaped copy as empty', () => {
		const key = qrIndexKey('ctv-demo');
		const damaged = [
			'{"fetched_at":"2026-12-01T03:04:05.000Z","entries":[{"token_hash":"ab',
			'null',
			'[]',
			JSON.stringify({ fetched_at: 'yesterday', entries: [] }),
			JSON.stringify({ fetched_at: FETCHED_AT.toISOString(), entries: [{ household: HOUSEHOLD }] }),
			JSON.stringify({
				fetched_at: FETCHED_AT.toISOString(),
				entries: [{ token_hash: 'not-a-hash', household: HOUSEHOLD }]
			})
		];
		expect(readQrIndex(memoryStore(), 'ctv-demo')).toEqual(EMPTY_QR_INDEX);
		for (const raw of damaged) {
			expect(readQrIndex(memoryStore({ [key]: raw }), 'ctv-demo'), raw).toEqual(EMPTY_QR_INDEX);
		}
	});

	it('reads as empty when the storage itself refuses to be read', () => {
		const store: QrIndexStore = {
			getItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			setItem: () => {}
		};
		expect(readQrIndex(store, 'ctv-demo')).toEqual(EMPTY_QR_INDEX);
	});
});

describe('looking up a scanned code offline', () => {
	it('finds the household of a claim link of any host, or of the bare token', async () => {
		const token = newQrToken();
		const index = await indexOf([
			[token, HOUSEHOLD],
			[newQrToken(), OTHER_HOUSEHOLD]
		]);
		const found = { kind: 'household', household: HOUSEHOLD };
		expect(await lookupScan(index, claimLink('https://hssk.example.vn', token))).toEqual(found);
		expect(await lookupScan(index, claimLink('http://127.0.0.1:3000', token))).toEqual(found);
		expect(await lookupScan(index, `  ${token}\n`)).toEqual(found);
	});

	it('says a token it does not know is unknown, and other text is not a code', async () => {
		const index = await indexOf([[newQrToken(), HOUSEHOLD]]);
		expect(await lookupScan(index, newQrToken())).toEqual({ kind: 'unknown' });
		expect(await lookupScan(EMPTY_QR_INDEX, newQrToken())).toEqual({ kind: 'unknown' });
		for (const text of ['', 'hello', 'https://example.com/other/path', 'WIFI:S:home;;']) {
			expect(await lookupScan(index, text), text).toEqual({ kind: 'not_a_code' });
		}
	});
});

describe('refreshing the index from the server', () => {
	it('asks the index route of its origin and saves a good answer', async () => {
		const hash = await qrTokenHash(newQrToken());
		const store = memoryStore();
		const asked: string[] = [];
		const outcome = await refreshQrIndex({
			username: 'ctv-demo',
			store,
			origin: 'http://127.0.0.1:3000',
			now: () => FETCHED_AT,
			fetch: async (input, init) => {
				asked.push(`${String(input)} ${init?.credentials}`);
				return answering(200, { entries: [{ token_hash: hash, household: HOUSEHOLD }] })(input);
			}
		});
		expect(asked).toEqual(['http://127.0.0.1:3000/api/qr/index same-origin']);
		expect(outcome.ok).toBe(true);
		expect(readQrIndex(store, 'ctv-demo').households.get(hash)).toBe(HOUSEHOLD);
	});

	it('keeps the saved copy and names the reason when the server does not give one', async () => {
		const hash = await qrTokenHash(newQrToken());
		const cases: [typeof fetch, string][] = [
			[answering(401, { error: 'unauthorized' }), 'signed_out'],
			[answering(403, { error: 'forbidden' }), 'forbidden'],
			[answering(503, { error: 'unavailable' }), 'server'],
			[answering(200, '<html>'), 'malformed'],
			[answering(200, { entries: [{ token_hash: 'x', household: HOUSEHOLD }] }), 'malformed'],
			[answering(200, { households: [] }), 'malformed'],
			[
				async () => {
					throw new TypeError('Failed to fetch');
				},
				'network'
			]
		];
		for (const [fetch, reason] of cases) {
			const store = memoryStore();
			saveQrIndex(store, 'ctv-demo', [{ token_hash: hash, household: HOUSEHOLD }], FETCHED_AT);
			const before = store.items.get(qrIndexKey('ctv-demo'));
			const outcome = await refreshQrIndex({ username: 'ctv-demo', store, fetch, origin: '' });
			expect(outcome).toEqual({ ok: false, reason });
			expect(store.items.get(qrIndexKey('ctv-demo'))).toBe(before);
		}
	});

	it('replaces the old index entirely, so a revoked token stops opening its household', async () => {
		const revoked = newQrToken();
		const current = newQrToken();
		const store = memoryStore();
		saveQrIndex(
			store,
			'ctv-demo',
			[{ token_hash: await qrTokenHash(revoked), household: HOUSEHOLD }],
			FETCHED_AT
		);
		await refreshQrIndex({
			username: 'ctv-demo',
			store,
			origin: '',
			fetch: answering(200, {
				entries: [{ token_hash: await qrTokenHash(current), household: HOUSEHOLD }]
			})
		});
		const index = readQrIndex(store, 'ctv-demo');
		expect(await lookupScan(index, revoked)).toEqual({ kind: 'unknown' });
		expect(await lookupScan(index, current)).toEqual({ kind: 'household', household: HOUSEHOLD });
	});
});

describe('who keeps a QR index', () => {
	it('is the collaborator and ward staff, whose scope the server answers for', () => {
		expect(scansHouseholds('collaborator')).toBe(true);
		expect(scansHouseholds('ward_staff')).toBe(true);
		for (const role of ['resident', 'district_supervisor', 'city_supervisor', 'admin'] as const) {
			expect(scansHouseholds(role), role).toBe(false);
		}
	});
});
