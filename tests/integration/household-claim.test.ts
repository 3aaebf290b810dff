// Claiming a household with its QR code, against the real embedded server: the right and the
// wrong answer, revoked and replaced codes, and the proof that a resident's credential
// reaches its own household and nothing else (stock PouchDB tries, through the gateway).
// Needs `npm run build`.

import { createRequire } from 'node:module';
import PouchDB from 'pouchdb-core';
import Replication from 'pouchdb-replication';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { newId, newQrToken, type Declaration, type Person } from '../../src/lib/domain';
import { CLAIM_ADDRESS_RULE } from '../../src/lib/server/qr/claim';
import { startStack, type Stack } from '../support/stack';

const require = createRequire(import.meta.url);
const HttpAdapter = require('pouchdb-adapter-http') as PouchDB.Plugin;
const MemoryAdapter = require('pouchdb-adapter-memory') as PouchDB.Plugin;
const Pouch = PouchDB.plugin(HttpAdapter).plugin(MemoryAdapter).plugin(Replication);

const WARD_DATABASE = 'ward_26956';
const DEVICE = 'resident-phone-0001';
let stack: Stack;

type StoredDoc = {
	_id: string;
	_rev: string;
	type?: string;
	group?: string;
	household?: string;
	relation?: string;
	birth_date?: string;
	sex?: string;
} & Record<string, unknown>;

beforeAll(async () => {
	stack = await startStack({ households: 12 });
});
afterAll(async () => {
	await stack?.stop();
});

async function wardDocs(): Promise<StoredDoc[]> {
	const { rows } = await stack.couch.json<{ rows: { doc: StoredDoc }[] }>(
		`${WARD_DATABASE}/_all_docs`,
		{ query: { include_docs: true } }
	);
	return rows.map((row) => row.doc).filter((doc) => !doc._id.startsWith('_'));
}

async function signIn(username: string): Promise<string> {
	const response = await fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: 'test-device-0001' })
	});
	expect(response.status).toBe(200);
	return cookieOf(response);
}

function cookieOf(response: Response): string {
	const header = response.headers.get('set-cookie');
	if (!header) throw new Error('no session cookie set');
	return header.split(';')[0];
}

async function qrAction(cookie: string, household: string, action: 'issue' | 'revoke') {
	const response = await fetch(`${stack.appUrl}/api/qr/household`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ household, action })
	});
	expect(response.status).toBe(200);
	return (await response.json()) as { state: string; link?: string; check_code?: string };
}

function tokenOf(link: string | undefined): string {
	const token = link?.split('/q/')[1];
	if (!token) throw new Error(`not a claim link: ${link}`);
	return token;
}

async function claim(token: string, answer: string, deviceId = DEVICE) {
	return fetch(`${stack.appUrl}/api/claim`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ token, answer, device_id: deviceId })
	});
}

/** A stock PouchDB speaking to the gateway with the phone's session cookie. */
function gatewayAs(cookie: string): PouchDB.Database {
	return new Pouch(`${stack.appUrl}/db/${WARD_DATABASE}`, {
		fetch: (url: string | Request, options?: RequestInit) => {
			const headers = new Headers(options?.headers);
			headers.set('cookie', cookie);
			return PouchDB.fetch(url, { ...options, headers });
		}
	} as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

describe('claiming a household by its QR code', () => {
	let staff: string;
	let docs: StoredDoc[];
	let household: StoredDoc;
	let other: StoredDoc;
	let headYear: string;
	let token: string;
	let checkCode: string;
	let resident: string;

	beforeAll(async () => {
		staff = await signIn('ward-demo');
		docs = await wardDocs();
		const heads = docs.filter((doc) => doc.type === 'person' && doc.relation === 'head');
		const [first, second] = heads;
		household = docs.find((doc) => doc._id === first.household) as StoredDoc;
		other = docs.find((doc) => doc._id === second.household) as StoredDoc;
		headYear = String(first.birth_date).slice(0, 4);
		const issued = await qrAction(staff, household._id, 'issue');
		token = tokenOf(issued.link);
		checkCode = issued.check_code ?? '';
		expect(checkCode).toMatch(/^[2-9A-Z]{6}$/);
	});

	it('tells a live link from an unknown, a malformed and a replaced one', async () => {
		const live = await fetch(`${stack.appUrl}/api/claim/${token}`);
		expect(live.status).toBe(200);
		const body = (await live.json()) as { state: string; ward: { name: string; hotline: string } };
		expect(body.state).toBe('active');
		expect(body.ward.hotline).toBeTruthy();
		// Nothing about the household before the answer.
		expect(JSON.stringify(body)).not.toContain(String(household.head_name));

		const unknown = await fetch(`${stack.appUrl}/api/claim/${newQrToken()}`);
		expect(unknown.status).toBe(404);
		expect(((await unknown.json()) as { reason: string }).reason).toMatch(/Không tìm thấy.*\/ /);
		expect((await fetch(`${stack.appUrl}/api/claim/short`)).status).toBe(400);
	});

	it('refuses a wrong answer, counting the tries left, and changes nothing', async () => {
		const usersBefore = await stack.couch.json<{ doc_count: number }>('hssk_users');
		const wrongYear = String(Number(headYear) + 1);
		const wrong = await claim(token, wrongYear);
		expect(wrong.status).toBe(403);
		const body = (await wrong.json()) as { reason: string; tries_left: number; ward: object };
		expect(body.reason).toMatch(/chưa đúng/);
		expect(body.tries_left).toBe(4);
		expect(body.ward).toBeTruthy();
		expect(wrong.headers.get('set-cookie')).toBeNull();
		const empty = await claim(token, '   ');
		expect(empty.status).toBe(400);
		const usersAfter = await stack.couch.json<{ doc_count: number }>('hssk_users');
		expect(usersAfter.doc_count).toBe(usersBefore.doc_count);
	});

	it("claims with the head's year of birth, and with the printed code on another phone", async () => {
		const right = await claim(token, headYear);
		expect(right.status).toBe(200);
		const { user } = (await right.json()) as {
			user: { role: string; household: string; ward: { database: string } };
		};
		expect(user).toMatchObject({ role: 'resident', household: household._id });
		expect(user.ward.database).toBe(WARD_DATABASE);
		resident = cookieOf(right);
		expect(right.headers.get('set-cookie')).toMatch(/HttpOnly/i);

		const byCode = await claim(token, checkCode.toLowerCase(), 'resident-phone-0002');
		expect(byCode.status).toBe(200);

		// The same phone claiming again is the same account, so its local data stays its own.
		const again = await claim(token, headYear);
		const first = (await (
			await fetch(`${stack.appUrl}/api/session`, { headers: { cookie: resident } })
		).json()) as {
			user: { username: string };
		};
		expect(((await again.json()) as { user: { username: string } }).user.username).toBe(
			first.user.username
		);
	});

	it('lets stock PouchDB pull exactly its own household, and nothing of another', async () => {
		const local = new Pouch(`resident-${Date.now()}`, { adapter: 'memory' });
		const result = await local.replicate.from(gatewayAs(resident));
		expect(result.ok).toBe(true);
		const { rows } = await local.allDocs();
		const expected = docs
			.filter((doc) => doc._id === household._id || doc.household === household._id)
			.map((doc) => doc._id)
			.sort();
		expect(expected.length).toBeGreaterThan(1);
		expect(rows.map((row) => row.id).sort()).toEqual(expected);

		const remote = gatewayAs(resident);
		await expect(remote.get(other._id)).rejects.toMatchObject({ status: 404 });
		const otherMember = docs.find((doc) => doc.household === other._id) as StoredDoc;
		await expect(remote.get(otherMember._id)).rejects.toMatchObject({ status: 404 });
	});

	it("refuses a write into another household, and stores the phone's own declaration as by QR", async () => {
		const remote = gatewayAs(resident);
		const member = docs.find(
			(doc) => doc.type === 'person' && doc.household === household._id
		) as StoredDoc;
		const audit = {
			created_at: new Date().toISOString(),
			created_by: 'someone',
			updated_at: new Date().toISOString(),
			updated_by: 'someone',
			device_id: DEVICE
		};
		const intruder: Omit<Person, 'id'> & { _id: string } = {
			_id: newId('person'),
			type: 'person',
			ward: '26956',
			group: String(other.group),
			household: other._id,
			full_name: 'Người Lạ',
			birth_date: '1990',
			sex: 'male',
			relation: 'other',
			audit
		};
		const [refused] = await remote.bulkDocs([intruder]);
		expect(refused).toMatchObject({ error: 'forbidden' });

		const declaration = (role: 'resident' | 'collaborator', channel: 'qr' | 'door_to_door') =>
			({
				_id: newId('declaration'),
				type: 'declaration',
				ward: '26956',
				group: String(household.group),
				person: member._id,
				household: household._id,
				declared_at: new Date().toISOString(),
				declared_by: 'resident',
				role,
				channel,
				health: { height_cm: 160, weight_kg: 55 },
				consent: {
					text_version: 0,
					given_at: '2026-01-01T00:00:00.000Z',
					given_by: member._id,
					mode: role === 'resident' ? 'in_app' : 'oral',
					recorded_by: 'resident',
					device_id: 'claim-phone-0001'
				},
				audit
			}) satisfies Omit<Declaration, 'id' | 'declared_by' | 'audit'> & Record<string, unknown>;
		const pretending = declaration('collaborator', 'door_to_door');
		const [notAsCollaborator] = await remote.bulkDocs([pretending]);
		expect(notAsCollaborator).toMatchObject({ error: 'forbidden' });
		const own = declaration('resident', 'qr');
		const [accepted] = await remote.bulkDocs([own]);
		expect(accepted).toMatchObject({ ok: true });

		const stored = await stack.couch.getDoc<StoredDoc & { stamp: { by: string } }>(
			WARD_DATABASE,
			own._id
		);
		expect(stored).toMatchObject({ role: 'resident', channel: 'qr' });
		expect(stored?.stamp.by).toMatch(/^r-/);
		expect(await stack.couch.getDoc(WARD_DATABASE, intruder._id)).toBeNull();
		expect(await stack.couch.getDoc(WARD_DATABASE, pretending._id)).toBeNull();
	});

	it('stops the old sheet when ward staff issue a new one, and the phones when they revoke', async () => {
		const reissued = await qrAction(staff, household._id, 'issue');
		const fresh = tokenOf(reissued.link);
		expect(fresh).not.toBe(token);
		const old = await fetch(`${stack.appUrl}/api/claim/${token}`);
		expect(old.status).toBe(410);
		expect(((await old.json()) as { reason: string }).reason).toMatch(/thu hồi/);
		// A new sheet does not sign the family's phones out.
		expect(
			(await fetch(`${stack.appUrl}/api/session`, { headers: { cookie: resident } })).status
		).toBe(200);

		const revoked = await qrAction(staff, household._id, 'revoke');
		expect(revoked.state).toBe('revoked');
		expect((await fetch(`${stack.appUrl}/api/claim/${fresh}`)).status).toBe(410);
		expect(
			(await fetch(`${stack.appUrl}/api/session`, { headers: { cookie: resident } })).status
		).toBe(401);
		const local = new Pouch(`revoked-${Date.now()}`, { adapter: 'memory' });
		await expect(local.replicate.from(gatewayAs(resident))).rejects.toMatchObject({ status: 401 });
	});

	it('says a household that moved or was merged is gone, with the ward to call', async () => {
		const heads = docs.filter((doc) => doc.type === 'person' && doc.relation === 'head');
		const moved = docs.find((doc) => doc._id === heads[2].household) as StoredDoc;
		const issued = await qrAction(staff, moved._id, 'issue');
		await stack.couch.json(`${WARD_DATABASE}/${encodeURIComponent(moved._id)}`, {
			method: 'DELETE',
			query: { rev: moved._rev }
		});
		const answer = await fetch(`${stack.appUrl}/api/claim/${tokenOf(issued.link)}`);
		expect(answer.status).toBe(410);
		const body = (await answer.json()) as { reason: string; ward: { hotline: string } };
		expect(body.reason).toMatch(/chuyển đi hoặc được gộp/);
		expect(body.ward.hotline).toBeTruthy();
		expect(
			(await claim(tokenOf(issued.link), String(heads[2].birth_date).slice(0, 4))).status
		).toBe(410);
	});

	it('lets only ward staff manage codes', async () => {
		const collaborator = await signIn('ctv-demo');
		const response = await fetch(`${stack.appUrl}/api/qr/household`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: collaborator },
			body: JSON.stringify({ household: household._id, action: 'issue' })
		});
		expect(response.status).toBe(403);
		const anonymous = await fetch(`${stack.appUrl}/api/qr/household?household=${household._id}`);
		expect(anonymous.status).toBe(401);
	});

	it('limits wrong answers per code, then guessing per address', async () => {
		const issued = await qrAction(staff, other._id, 'issue');
		const otherToken = tokenOf(issued.link);
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 6; attempt++)
			statuses.push((await claim(otherToken, '1800')).status);
		expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
		const limited = await claim(otherToken, '1800');
		expect(((await limited.json()) as { reason: string }).reason).toMatch(/quá nhiều/);

		// Two unknown or malformed tokens were tried earlier in this file, from this address.
		const guesses: number[] = [];
		for (let attempt = 0; attempt < CLAIM_ADDRESS_RULE.limit; attempt++) {
			guesses.push((await fetch(`${stack.appUrl}/api/claim/${newQrToken()}`)).status);
		}
		expect(guesses.slice(0, CLAIM_ADDRESS_RULE.limit - 2).every((status) => status === 404)).toBe(
			true
		);
		expect(guesses.slice(CLAIM_ADDRESS_RULE.limit - 2)).toEqual([429, 429]);
		// Now even a live code waits: the address is guessing.
		const live = await fetch(`${stack.appUrl}/api/claim/${otherToken}`);
		expect(live.status).toBe(429);
		expect(live.headers.get('retry-after')).toMatch(/^\d+$/);
	});
});
