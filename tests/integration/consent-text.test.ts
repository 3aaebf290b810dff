// The ward's consent text against the real embedded server: the standard text until ward
// staff write one; every version kept and numbered on, two saves at once included; the
// household's phone and the collaborator read their ward's newest; nobody else writes it, and
// bad text changes nothing; the change is in the audit trail and the log without its words;
// and a declaration naming a version the ward lacks is refused by the gateway, one naming a
// version saved a moment ago on the same server accepted. Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { newId, type AuditEntry, type ConsentText } from '../../src/lib/domain';
import { storedConsentTexts } from '../support/org';
import { startStack, type Stack } from '../support/stack';
import { familyOfTwoOrMore, householdToken, wardDocs } from '../support/ward';

const WARD = '26956';
const GROUP = '26956-01';
const VI =
	'Hộ gia đình đồng ý để Trạm Y tế phường thu thập chiều cao, cân nặng, huyết áp và bệnh mạn tính của các thành viên, để lập hồ sơ sức khỏe. Cộng tác viên tổ dân phố và trạm y tế xem được.';
const EN =
	'The household agrees that the ward health station collects its members’ height, weight, blood pressure and chronic conditions for their health record. The collaborator and the station see it.';

let stack: Stack;
const cookies = new Map<string, string>();

async function signIn(username: string): Promise<void> {
	const response = await fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: `phone-of-${username}` })
	});
	expect(response.status).toBe(200);
	cookies.set(username, (response.headers.getSetCookie()[0] ?? '').split(';')[0]);
}

function as(who: string, path: string, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	headers.set('cookie', cookies.get(who) ?? '');
	if (init.body) headers.set('content-type', 'application/json');
	return fetch(`${stack.appUrl}${path}`, { ...init, headers });
}

async function latest(who: string): Promise<ConsentText> {
	const response = await as(who, '/api/consent');
	expect(response.status).toBe(200);
	return ((await response.json()) as { text: ConsentText }).text;
}

function save(who: string, body: unknown): Promise<Response> {
	return as(who, '/api/consent', { method: 'POST', body: JSON.stringify(body) });
}

beforeAll(async () => {
	stack = await startStack({ households: 30 });
	for (const username of ['ward-demo', 'ctv-demo', 'city-demo']) await signIn(username);
	const { household, headYear } = await familyOfTwoOrMore(stack);
	const token = await householdToken(stack, household._id, { issue: true });
	const claimed = await fetch(`${stack.appUrl}/api/claim`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ token, answer: headYear, device_id: 'consent-phone-0001' })
	});
	expect(claimed.status).toBe(200);
	cookies.set('household', (claimed.headers.getSetCookie()[0] ?? '').split(';')[0]);
});

afterAll(async () => {
	await stack?.stop();
});

describe("the ward's consent text", () => {
	it('is the standard text, version 0, until the ward writes its own', async () => {
		for (const who of ['ward-demo', 'ctv-demo', 'household']) {
			const text = await latest(who);
			expect(text).toMatchObject({ ward: WARD, version: 0 });
			expect(text.vi).toContain('Hộ gia đình có quyền xem, tải về và yêu cầu xóa');
		}
		expect(await storedConsentTexts(stack.couch)).toEqual([]);
	});

	it('keeps every version ward staff save, numbered on, two at once included', async () => {
		const first = await save('ward-demo', { vi: VI, en: EN });
		expect(first.status).toBe(201);
		expect(((await first.json()) as { text: ConsentText }).text).toMatchObject({
			version: 1,
			vi: VI,
			created_by: 'ward-demo'
		});
		const [a, b] = await Promise.all([
			save('ward-demo', { vi: `${VI} Phiên bản A.`, en: `${EN} Version A.` }),
			save('ward-demo', { vi: `${VI} Phiên bản B.`, en: `${EN} Version B.` })
		]);
		expect([a.status, b.status]).toEqual([201, 201]);
		const versions = [a, b].map(
			async (answer) => ((await answer.json()) as { text: ConsentText }).text.version
		);
		expect((await Promise.all(versions)).sort()).toEqual([2, 3]);
		expect(await storedConsentTexts(stack.couch)).toEqual([
			'consent_text:26956:000001',
			'consent_text:26956:000002',
			'consent_text:26956:000003'
		]);
		const all = await as('ward-demo', '/api/consent?all=1');
		const { texts } = (await all.json()) as { texts: ConsentText[] };
		expect(texts.map((text) => text.version)).toEqual([3, 2, 1, 0]);
	});

	it("gives the household's phone and the collaborator their ward's newest", async () => {
		expect((await latest('household')).version).toBe(3);
		expect((await latest('ctv-demo')).version).toBe(3);
	});

	it('is written by ward staff only, and read in full by them only', async () => {
		for (const who of ['ctv-demo', 'household', 'city-demo']) {
			const refused = await save(who, { vi: `${VI} X`, en: `${EN} X` });
			expect(refused.status, who).toBe(403);
			const { reason } = (await refused.json()) as { reason: string };
			expect(reason).toContain('Chỉ trạm y tế phường sửa nội dung đồng ý');
			expect(reason).toContain("Only the ward health station edits its own ward's consent text");
			expect((await as(who, '/api/consent?all=1')).status, who).toBe(403);
		}
		const supervisor = await as('city-demo', '/api/consent');
		expect(supervisor.status).toBe(403);
		expect(((await supervisor.json()) as { reason: string }).reason).toContain(
			'this account has none'
		);
		expect((await fetch(`${stack.appUrl}/api/consent`)).status).toBe(401);
		expect((await storedConsentTexts(stack.couch)).length).toBe(3);
	});

	it('refuses bad text with a reason in both languages and stores nothing', async () => {
		const cases: [unknown, string][] = [
			[{ vi: 'Quá ngắn', en: EN }, 'Nội dung đồng ý quá ngắn'],
			[{ vi: `${VI} <script>alert(1)</script>`, en: EN }, 'The characters < and > are not allowed'],
			[{ vi: VI }, 'Vui lòng nhập thông tin này'],
			[{ vi: VI, en: 'x'.repeat(3001) }, 'Text is too long']
		];
		for (const [body, reason] of cases) {
			const refused = await save('ward-demo', body);
			expect(refused.status).toBe(400);
			expect(((await refused.json()) as { reason: string }).reason).toContain(reason);
		}
		const otherWard = await save('ward-demo', { ward: '26734', vi: VI, en: EN });
		expect(otherWard.status).toBe(400);
		expect(((await otherWard.json()) as { reason: string }).reason).toContain(
			'phường là phường của tài khoản'
		);
		const malformed = await as('ward-demo', '/api/consent', { method: 'POST', body: '{"vi":' });
		expect(malformed.status).toBe(400);
		expect((await storedConsentTexts(stack.couch)).length).toBe(3);
		expect((await latest('ctv-demo')).version).toBe(3);
	});

	it('is in the audit trail and the log by version, never by its words', async () => {
		// Entries are written a moment after the request.
		let targets: (string | undefined)[] = [];
		for (let tries = 0; tries < 50 && targets.length < 3; tries++) {
			if (tries) await new Promise((resolve) => setTimeout(resolve, 100));
			const { rows } = await stack.couch.json<{ rows: { id: string; doc: AuditEntry }[] }>(
				'hssk_audit/_all_docs',
				{ query: { include_docs: true } }
			);
			targets = rows
				.filter((row) => row.id.startsWith('audit:') && row.doc.action === 'consent_text.changed')
				.map((row) => row.doc.target);
		}
		expect(targets.sort()).toEqual(['v1', 'v2', 'v3']);
		const log = stack.appLog();
		expect(log).toContain('"consent_text.changed"');
		expect(log).not.toContain('Trạm Y tế phường thu thập');
		expect(log).not.toContain('Phiên bản A');
	});
});

describe('a declaration names a version of the text', () => {
	async function declarationNaming(version: number) {
		const person = (await wardDocs(stack)).find(
			(doc) => doc.type === 'person' && doc.group === GROUP
		);
		if (!person) throw new Error('no person in the group');
		const at = new Date().toISOString();
		return {
			_id: newId('declaration'),
			type: 'declaration',
			ward: WARD,
			group: GROUP,
			person: person._id,
			household: person.household,
			declared_at: at,
			declared_by: 'ctv-demo',
			role: 'collaborator',
			channel: 'door_to_door',
			health: { weight_kg: 58 },
			consent: {
				text_version: version,
				given_at: at,
				given_by: person._id,
				mode: 'oral',
				recorded_by: 'ctv-demo',
				device_id: 'phone-of-ctv-demo'
			},
			audit: {
				created_at: at,
				created_by: 'ctv-demo',
				updated_at: at,
				updated_by: 'ctv-demo',
				device_id: 'phone-of-ctv-demo'
			}
		};
	}

	async function push(doc: Record<string, unknown>) {
		const response = await as('ctv-demo', `/db/ward_${WARD}/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({ docs: [doc] })
		});
		expect(response.status).toBe(201);
		const [row] = (await response.json()) as { ok?: boolean; error?: string; reason?: string }[];
		return row;
	}

	it('is refused naming a version the ward does not have, and stored naming one it has', async () => {
		const unknown = await declarationNaming(4);
		const refused = await push(unknown);
		expect(refused.error).toBe('forbidden');
		expect(refused.reason).toContain('Phường chưa có phiên bản nội dung đồng ý này');
		expect(await stack.couch.getDoc(`ward_${WARD}`, unknown._id)).toBeNull();
		for (const version of [0, 2, 3]) {
			expect((await push(await declarationNaming(version))).ok, `v${version}`).toBe(true);
		}
	});

	it('is stored naming a version saved a moment before, with no stale answer', async () => {
		expect((await save('ward-demo', { vi: `${VI} Bốn.`, en: `${EN} Four.` })).status).toBe(201);
		// Written to CouchDB directly, as another app server would: this server has not seen it.
		await stack.couch.json(`hssk_org/${encodeURIComponent('consent_text:26956:000005')}`, {
			method: 'PUT',
			body: {
				type: 'consent_text',
				ward: WARD,
				version: 5,
				vi: `${VI} Năm.`,
				en: `${EN} Five.`,
				created_at: new Date().toISOString(),
				created_by: 'ward-demo'
			}
		});
		expect((await push(await declarationNaming(4))).ok).toBe(true);
		expect((await push(await declarationNaming(5))).ok).toBe(true);
		expect((await push(await declarationNaming(6))).error).toBe('forbidden');
	});
});
