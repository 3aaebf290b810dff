// Every endpoint, every role, one step outside its scope: each API route found under
// src/routes/api (a route or method without a case here fails the test) and each operation of
// the sync gateway (every endpoint kind of its router, with every HTTP method) is sent by a
// collaborator, ward staff, a district and a city supervisor, a household's phone, an
// administrator and someone with no session, about records of another group, another
// household, another ward, another district or another city (and the server's own databases).
// Each answer must be a refusal (4xx) or hold none of the outside records, and afterwards
// CouchDB must hold every outside record exactly as before and none of the new ones.
// Needs `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { newId } from '../../src/lib/domain';
import { mapLimited } from '../../src/lib/server/gateway/placement';
import { apiRoutes } from '../support/api-routes';
import {
	coveredKinds,
	gatewayRequests,
	METHODS,
	type GatewayRequest,
	type GatewayTarget
} from '../support/gateway-requests';
import { storedConsentTexts, updateSeq } from '../support/org';
import {
	buildScopeWorld,
	DISTRICT_SUPERVISOR,
	OTHER_WARD_COLLABORATOR,
	WARD_A,
	WARD_B,
	WARD_C,
	type MarkedDoc,
	type ScopeWorld
} from '../support/scope-world';
import { startStack, type Stack } from '../support/stack';

const DB_A = `ward_${WARD_A}`;
const DB_B = `ward_${WARD_B}`;
const DB_C = `ward_${WARD_C}`;
/** The server's own databases and CouchDB's: no role reaches them through the gateway. */
const SYSTEM_DATABASES: Record<string, string> = {
	hssk_users: 'user:ward-demo',
	hssk_org: 'org:26956',
	hssk_qr: 'qr_household:x',
	hssk_audit: 'audit:26956:2026-12-01T00:00:00.000Z:00000000',
	_users: 'org.couchdb.user:admin',
	_replicator: '_design/_replicator'
};
/** Strings only the server's own databases hold: no gateway or API answer may carry one. */
const SERVER_SECRETS = ['"algorithm":"scrypt"', 'qr_token:', '"type":"session"'];

type RoleName =
	| 'collaborator'
	| 'ward_staff'
	| 'district_supervisor'
	| 'city_supervisor'
	| 'resident'
	| 'admin'
	| 'no session';

type Role = {
	name: RoleName;
	username?: string;
	cookie: string;
	/** Records it must never be shown, in any answer. */
	outside: MarkedDoc[];
	/** The ward databases it reaches at all through the gateway. */
	reaches: ReadonlySet<string>;
	/** A new record placed outside its scope in a database (never to be stored). */
	newDoc(database: string): Record<string, unknown> & { _id: string };
	/** A read it is allowed, so a test that refuses everyone cannot pass. */
	control: { path: string; marker: string };
	/** Org units and records one step outside it, for the API (null: it reaches them all). */
	outsideUnit: string | null;
	outsideGroup: string | null;
	outsideHousehold: string;
};

type Answer = { status: number; text: string; setCookies: string[]; json: () => unknown };

let stack: Stack;
let world: ScopeWorld;
let roles: Role[];
let tokens: { h2: string };
let victimCookie: string;
/** New ids any request tried to create: none may exist at the end. */
const attemptedNewIds = new Set<string>();
/** What each role got, endpoint by endpoint, for the closing report. */
const tried = new Map<string, Map<RoleName, Set<number>>>();
let systemSeqs: Record<string, string>;

function household(ward: string, group: string) {
	const now = new Date().toISOString();
	const id = newId('household');
	attemptedNewIds.add(id);
	return {
		_id: id,
		type: 'household',
		ward,
		group,
		address: { house_number: '1', street: 'Đường Ngoài Phạm Vi' },
		head_name: 'Người Lạ',
		audit: {
			created_at: now,
			created_by: 'someone',
			updated_at: now,
			updated_by: 'someone',
			device_id: 'scope-test-device'
		}
	};
}

async function call(
	role: Role,
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {}
): Promise<Answer> {
	const response = await fetch(`${stack.appUrl}${path}`, {
		method,
		headers: {
			...(role.cookie ? { cookie: role.cookie } : {}),
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
			...headers
		},
		...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) })
	});
	const text = await response.text();
	return {
		status: response.status,
		text,
		setCookies: response.headers.getSetCookie(),
		json: () => JSON.parse(text) as unknown
	};
}

function note(endpoint: string, role: Role, status: number): void {
	let byRole = tried.get(endpoint);
	if (!byRole) tried.set(endpoint, (byRole = new Map()));
	let statuses = byRole.get(role.name);
	if (!statuses) byRole.set(role.name, (statuses = new Set()));
	statuses.add(status);
}

/** No server error, no outside record, no server secret, and no new session for it. */
function expectNothing(role: Role, answer: Answer, what: string, allowCookie = false): void {
	expect(answer.status, `${role.name}: ${what} answered ${answer.status}`).toBeLessThan(500);
	for (const doc of role.outside) {
		expect(answer.text, `${role.name}: ${what} showed ${doc.id}`).not.toContain(doc.marker);
	}
	expect(answer.text).not.toContain(world.otherCheckpoint.marker);
	for (const secret of SERVER_SECRETS) {
		expect(answer.text, `${role.name}: ${what} showed ${secret}`).not.toContain(secret);
	}
	if (!allowCookie) {
		const sessions = answer.setCookies.filter((line) => /^hssk_session=[^;]+/.test(line));
		expect(sessions, `${role.name}: ${what} opened a session`).toEqual([]);
	}
}

function expectRefused(role: Role, answer: Answer, what: string): void {
	expectNothing(role, answer, what);
	expect(answer.status, `${role.name}: ${what} answered ${answer.status}`).toBeGreaterThanOrEqual(
		400
	);
	if (answer.text) {
		const { reason } = answer.json() as { reason?: string };
		expect(reason, `${role.name}: ${what} gave no reason`).toMatch(/ \/ /);
	}
}

// ---- The API: every route file and the methods it exports.

type ApiCase = (role: Role) => Promise<void>;

function routeFor(route: string): string {
	return route.replace('[token]', tokens.h2);
}

async function staffOnly(role: Role, method: string, path: string, body?: unknown) {
	const answer = await call(role, method, path, body);
	note(`${method} ${path.split('?')[0]}`, role, answer.status);
	return answer;
}

const API_CASES: Record<string, ApiCase> = {
	'POST /api/session': async (role) => {
		// Signing in as someone else without their password.
		const answer = await call(role, 'POST', '/api/session', {
			username: 'ctv-demo-2',
			password: 'not-their-password',
			device_id: 'scope-thief-0001'
		});
		note('POST /api/session', role, answer.status);
		expectRefused(role, answer, 'POST /api/session as ctv-demo-2');
	},
	'GET /api/session': async (role) => {
		const answer = await call(role, 'GET', '/api/session');
		note('GET /api/session', role, answer.status);
		expectNothing(role, answer, 'GET /api/session');
		if (!role.username) return expect(answer.status).toBe(401);
		const { user } = answer.json() as { user: { username: string } };
		expect(user.username).toBe(role.username);
	},
	'DELETE /api/session': async (role) => {
		// Run last for each role: it ends the role's own session, and must end no one else's.
		const answer = await call(role, 'DELETE', '/api/session');
		note('DELETE /api/session', role, answer.status);
		expectNothing(role, answer, 'DELETE /api/session');
		expect(answer.status).toBe(204);
		const victim = await fetch(`${stack.appUrl}/api/session`, {
			headers: { cookie: victimCookie }
		});
		expect(victim.status, `${role.name}'s sign-out ended ctv-demo-2's session`).toBe(200);
	},
	'GET /api/claim/[token]': async (role) => {
		const answer = await call(role, 'GET', `/api/claim/${tokens.h2}`);
		note('GET /api/claim/[token]', role, answer.status);
		expectNothing({ ...role, outside: [...role.outside, world.a.h2] }, answer, 'GET /api/claim');
		expect(answer.text).not.toContain(world.a.h2.id);
	},
	'POST /api/claim': async (role) => {
		const answer = await call(role, 'POST', '/api/claim', {
			token: tokens.h2,
			answer: '0000',
			device_id: 'scope-thief-0001'
		});
		note('POST /api/claim', role, answer.status);
		expectRefused({ ...role, outside: [...role.outside, world.a.h2] }, answer, 'POST /api/claim');
	},
	'GET /api/audit': async (role) => {
		// Ward staff read their own ward's trail; administrators any unit's (ids, never content).
		const unit = role.name === 'ward_staff' ? WARD_B : WARD_A;
		const answer = await call(role, 'GET', `/api/audit?unit=${unit}`);
		note('GET /api/audit', role, answer.status);
		if (role.name === 'admin') return expectNothing(role, answer, 'GET /api/audit');
		expectRefused(role, answer, `GET /api/audit?unit=${unit}`);
	},
	'GET /api/health': async (role) => {
		const answer = await call(role, 'GET', '/api/health');
		note('GET /api/health', role, answer.status);
		expectNothing(role, answer, 'GET /api/health');
		expect(Object.keys(answer.json() as object).sort()).toEqual(['couchdb', 'status']);
	},
	'GET /api/progress': async (role) => {
		const unit = role.outsideUnit;
		const answer = await call(role, 'GET', `/api/progress?unit=${unit ?? WARD_C}`);
		note('GET /api/progress', role, answer.status);
		// An administrator watches every unit: the answer is counts, never a record.
		if (unit === null) return expectNothing(role, answer, 'GET /api/progress');
		expectRefused(role, answer, `GET /api/progress?unit=${unit}`);
	},
	'GET /api/progress/households': async (role) => {
		const group = role.outsideGroup;
		const answer = await call(role, 'GET', `/api/progress/households?group=${group ?? '00004-01'}`);
		note('GET /api/progress/households', role, answer.status);
		if (group === null) return expectNothing(role, answer, 'GET /api/progress/households');
		expectRefused(role, answer, `GET /api/progress/households?group=${group}`);
	},
	'GET /api/progress/devices': async (role) => {
		const unit = role.outsideUnit;
		const answer = await call(role, 'GET', `/api/progress/devices?unit=${unit ?? WARD_C}`);
		note('GET /api/progress/devices', role, answer.status);
		if (unit === null) return expectNothing(role, answer, 'GET /api/progress/devices');
		expectRefused(role, answer, `GET /api/progress/devices?unit=${unit}`);
	},
	'GET /api/progress/replication': async (role) => {
		const answer = await call(role, 'GET', '/api/progress/replication');
		note('GET /api/progress/replication', role, answer.status);
		// The city supervisor and administrators see the server's replication: names only.
		if (role.name === 'city_supervisor' || role.name === 'admin') {
			return expectNothing(role, answer, 'GET /api/progress/replication');
		}
		expectRefused(role, answer, 'GET /api/progress/replication');
	},
	'GET /api/qr/household': async (role) => {
		for (const id of [role.outsideHousehold, world.a.foreign.id]) {
			const answer = await staffOnly(role, 'GET', `/api/qr/household?household=${id}`);
			expectRefused(role, answer, `GET /api/qr/household?household=${id}`);
		}
	},
	'POST /api/qr/household': async (role) => {
		for (const id of [role.outsideHousehold, world.a.foreign.id]) {
			for (const action of ['issue', 'revoke']) {
				const answer = await staffOnly(role, 'POST', '/api/qr/household', {
					household: id,
					action
				});
				expectRefused(role, answer, `POST /api/qr/household ${action} ${id}`);
			}
		}
	},
	'GET /api/qr/sheets': async (role) => {
		const group = role.name === 'ward_staff' ? '26734-01' : '26956-01';
		const answer = await staffOnly(role, 'GET', `/api/qr/sheets?group=${group}`);
		expectRefused(role, answer, `GET /api/qr/sheets?group=${group}`);
	},
	'GET /api/qr/index': async (role) => {
		const answer = await staffOnly(role, 'GET', '/api/qr/index');
		expectNothing(role, answer, 'GET /api/qr/index');
		if (role.name !== 'collaborator' && role.name !== 'ward_staff') {
			return expectRefused(role, answer, 'GET /api/qr/index');
		}
		const { entries } = answer.json() as { entries: { household: string }[] };
		const outsideIds = new Set([...role.outside.map((doc) => doc.id), world.bQrHousehold]);
		expect(entries.length).toBeGreaterThan(0);
		expect(entries.filter((entry) => outsideIds.has(entry.household))).toEqual([]);
	},
	'GET /api/ward/collaborators': async (role) => {
		const answer = await staffOnly(role, 'GET', '/api/ward/collaborators');
		if (role.name !== 'ward_staff')
			return expectRefused(role, answer, 'GET /api/ward/collaborators');
		expectNothing(role, answer, 'GET /api/ward/collaborators');
		const { collaborators } = answer.json() as { collaborators: { username: string }[] };
		expect(collaborators.map((c) => c.username)).toContain('ctv-demo');
		expect(answer.text).not.toContain(OTHER_WARD_COLLABORATOR);
	},
	'POST /api/ward/collaborators': async (role) => {
		const username = `ctv-outside-${role.name.replace(/[^a-z]/g, '')}`;
		const groups = role.name === 'ward_staff' ? ['26734-01'] : ['26956-01'];
		const answer = await staffOnly(role, 'POST', '/api/ward/collaborators', {
			username,
			display_name: 'Người Ngoài Phường',
			groups
		});
		expectRefused(role, answer, `POST /api/ward/collaborators in ${groups[0]}`);
		expect(await stack.couch.getDoc('hssk_users', `user:${username}`)).toBeNull();
	},
	'PATCH /api/ward/collaborators': async (role) => {
		const username = role.name === 'ward_staff' ? OTHER_WARD_COLLABORATOR : 'ctv-demo-2';
		for (const action of ['disable', 'reset_password', 'groups']) {
			const answer = await staffOnly(role, 'PATCH', '/api/ward/collaborators', {
				username,
				action,
				groups: ['26956-01']
			});
			expectRefused(role, answer, `PATCH /api/ward/collaborators ${action} ${username}`);
			expect(answer.text).not.toContain('password');
		}
	},
	'GET /api/ward/groups': async (role) => {
		const answer = await staffOnly(role, 'GET', '/api/ward/groups');
		if (role.name !== 'ward_staff') return expectRefused(role, answer, 'GET /api/ward/groups');
		expectNothing(role, answer, 'GET /api/ward/groups');
		const { groups } = answer.json() as { groups: { code: string }[] };
		expect(groups.every((group) => group.code.startsWith(`${WARD_A}-`))).toBe(true);
	},
	'POST /api/ward/groups': async (role) => {
		const code = role.name === 'ward_staff' ? '26734-01' : '26956-01';
		const answer = await staffOnly(role, 'POST', '/api/ward/groups', { code, name: 'Đổi Tên' });
		expectRefused(role, answer, `POST /api/ward/groups rename ${code}`);
		const stored = await stack.couch.getDoc<{ name: string }>('hssk_org', `org:${code}`);
		expect(stored?.name).not.toBe('Đổi Tên');
	},
	'POST /api/registry/import': async (role) => {
		// Ward staff import into their own ward only (the session names it): a dry run here.
		const answer = await call(
			role,
			'POST',
			'/api/registry/import?dry_run=1',
			'household_code,address,citizen_id,full_name,birth_date,sex,relation\n',
			{ 'content-type': 'text/csv' }
		);
		note('POST /api/registry/import', role, answer.status);
		if (role.name === 'ward_staff') return expectNothing(role, answer, 'POST /api/registry/import');
		expectRefused(role, answer, 'POST /api/registry/import');
	},
	'GET /api/registry/review': async (role) => {
		const answer = await staffOnly(role, 'GET', '/api/registry/review');
		if (role.name === 'ward_staff') return expectNothing(role, answer, 'GET /api/registry/review');
		expectRefused(role, answer, 'GET /api/registry/review');
	},
	'POST /api/registry/review': async (role) => {
		const answer = await staffOnly(role, 'POST', '/api/registry/review', {
			id: 'review_item:00000000-0000-4000-8000-0000000000ff',
			action: 'keep_apart'
		});
		expectRefused(role, answer, 'POST /api/registry/review of an item not in the ward');
	},
	'GET /api/erasure': async (role) => {
		const answer = await staffOnly(role, 'GET', '/api/erasure');
		if (role.name === 'ward_staff') return expectNothing(role, answer, 'GET /api/erasure');
		expectRefused(role, answer, 'GET /api/erasure');
	},
	'POST /api/erasure': async (role) => {
		// Another ward's household: no one here may erase it, its ward's staff excepted.
		const answer = await staffOnly(role, 'POST', '/api/erasure', {
			household: world.b.household.id
		});
		expectRefused(role, answer, 'POST /api/erasure of a household of another ward');
		const stored = await stack.couch.getDoc<{ _deleted?: boolean }>(DB_B, world.b.household.id);
		expect(stored?._deleted, `${role.name}: POST /api/erasure erased it`).toBeUndefined();
	},
	'POST /api/erasure/request': async (role) => {
		// The household is the session's own: a body naming another one is not read.
		const answer = await staffOnly(role, 'POST', '/api/erasure/request', {
			household: world.a.h2.id
		});
		if (role.name === 'resident') {
			expectNothing(role, answer, 'POST /api/erasure/request');
			expect(answer.status).toBeLessThan(300);
			const request = await stack.couch.getDoc(DB_A, `erasure_request:${world.a.h2.id}`);
			expect(request, 'a request for the neighbour').toBeNull();
			return;
		}
		expectRefused(role, answer, 'POST /api/erasure/request');
	},
	'GET /api/erasure/notices': async (role) => {
		const answer = await staffOnly(role, 'GET', '/api/erasure/notices');
		if (role.name === 'ward_staff' || role.name === 'collaborator') {
			return expectNothing(role, answer, 'GET /api/erasure/notices');
		}
		expectRefused(role, answer, 'GET /api/erasure/notices');
	},
	'GET /api/consent': async (role) => {
		// The session names the ward: a query naming another one is not read.
		const answer = await staffOnly(role, 'GET', `/api/consent?ward=${WARD_B}`);
		const ownWard = ['collaborator', 'ward_staff', 'resident'].includes(role.name);
		if (!ownWard) return expectRefused(role, answer, 'GET /api/consent');
		expectNothing(role, answer, 'GET /api/consent');
		expect((answer.json() as { text: { ward: string } }).text.ward).toBe(WARD_A);
		const every = await staffOnly(role, 'GET', `/api/consent?all=1&ward=${WARD_B}`);
		if (role.name !== 'ward_staff') return expectRefused(role, every, 'GET /api/consent?all=1');
		const { texts } = every.json() as { texts: { ward: string }[] };
		expect(texts.every((text) => text.ward === WARD_A)).toBe(true);
	},
	'POST /api/consent': async (role) => {
		// A body naming another ward is refused, ward staff's own included: the ward is the
		// session's (tests/integration/consent-text.test.ts writes the own ward's text).
		const answer = await staffOnly(role, 'POST', '/api/consent', {
			ward: WARD_B,
			vi: 'Hộ gia đình đồng ý để trạm y tế phường lưu thông tin sức khỏe của các thành viên.',
			en: "The household agrees that the ward health station keeps its members' health data."
		});
		expectRefused(role, answer, `POST /api/consent for ${WARD_B}`);
		const texts = await storedConsentTexts(stack.couch);
		expect(texts, `${role.name}: POST /api/consent wrote a text`).toEqual([]);
	},
	'GET /api/registry/link': async (role) => {
		const unit = role.outsideUnit;
		const answer = await call(role, 'GET', `/api/registry/link?unit=${unit ?? WARD_C}`);
		note('GET /api/registry/link', role, answer.status);
		if (unit === null) return expectNothing(role, answer, 'GET /api/registry/link');
		expectRefused(role, answer, `GET /api/registry/link?unit=${unit}`);
	},
	'POST /api/org/import': async (role) => {
		// Administrators import the whole tree: theirs is a dry run, which writes nothing.
		const dryRun = role.name === 'admin' ? '?dry_run=1' : '';
		const response = await fetch(`${stack.appUrl}/api/org/import${dryRun}`, {
			method: 'POST',
			headers: { 'content-type': 'text/csv', ...(role.cookie ? { cookie: role.cookie } : {}) },
			body: 'code,level,name,parent\n26734,ward,Phường Bị Đổi Tên,761\n'
		});
		const answer: Answer = {
			status: response.status,
			text: await response.text(),
			setCookies: response.headers.getSetCookie(),
			json() {
				return JSON.parse(this.text) as unknown;
			}
		};
		note('POST /api/org/import', role, answer.status);
		if (role.name === 'admin') expectNothing(role, answer, 'POST /api/org/import?dry_run=1');
		else expectRefused(role, answer, 'POST /api/org/import');
		const stored = await stack.couch.getDoc<{ name: string }>('hssk_org', `org:${WARD_B}`);
		expect(stored?.name).toBe('Phường Thạnh Xuân');
	}
};

// ---- The gateway.

function gatewayTargets(role: Role): GatewayTarget[] {
	const inDatabase = (database: string) =>
		role.outside
			.filter((doc) => doc.database === database)
			.map((doc) => ({
				id: doc.id,
				rev: doc.rev,
				body: doc.body
			}));
	const wards = [DB_A, DB_B, DB_C].map((database) => ({
		database,
		docs: inDatabase(database),
		newDoc: role.newDoc(database),
		otherLocalId: 'ctv-demo-2:scope-checkpoint'
	}));
	const system = Object.entries(SYSTEM_DATABASES).map(([database, id]) => ({
		database,
		docs: [{ id, rev: '1-00000000000000000000000000000000', body: { _id: id } }],
		newDoc: household(WARD_A, '26956-01'),
		otherLocalId: 'scope-checkpoint'
	}));
	return [...wards, ...system];
}

function markerOf(id: string): string {
	return world.all().find((doc) => doc.id === id)?.marker ?? `no-marker-${id}`;
}

async function sendGateway(role: Role, request: GatewayRequest, database: string): Promise<void> {
	const answer = await call(role, request.method, request.path, request.body);
	note(
		`gateway ${request.operation.replace(/^(GET|HEAD|POST|PUT|DELETE|PATCH) /, '')}`,
		role,
		answer.status
	);
	const what = `${request.method} ${request.path}`;
	expectNothing(role, answer, what);
	if (!role.reaches.has(database)) {
		expect(
			answer.status,
			`${role.name}: ${what} was served (${answer.status})`
		).toBeGreaterThanOrEqual(400);
	}
	if (request.method === 'GET' && !request.path.includes('rev')) {
		for (const doc of role.outside) {
			expect(answer.text, `${role.name}: ${what} named ${doc.id}'s revision`).not.toContain(
				doc.rev
			);
		}
	}
}

// ---- The world and the roles.

async function signIn(username: string, deviceId = `scope-${username}`): Promise<string> {
	const response = await fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: deviceId })
	});
	expect(response.status, `signing in ${username}`).toBe(200);
	return (response.headers.getSetCookie()[0] ?? '').split(';')[0];
}

async function issueToken(
	staff: string,
	householdId: string
): Promise<{ token: string; code: string }> {
	const response = await fetch(`${stack.appUrl}/api/qr/household`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: staff },
		body: JSON.stringify({ household: householdId, action: 'issue' })
	});
	expect(response.status).toBe(200);
	const { link, check_code } = (await response.json()) as { link: string; check_code: string };
	return { token: link.split('/').pop() ?? '', code: check_code };
}

beforeAll(async () => {
	stack = await startStack({ households: 20, appEnv: { PROGRESS_WARM: '0' } });
	world = await buildScopeWorld(stack.couch);
	const a = world.a;
	const staffCookie = await signIn('ward-demo');
	const h1 = await issueToken(staffCookie, a.h1.id);
	tokens = { h2: (await issueToken(staffCookie, a.h2.id)).token };
	await issueToken(staffCookie, a.g2.id);
	const claim = await fetch(`${stack.appUrl}/api/claim`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ token: h1.token, answer: h1.code, device_id: 'scope-resident-phone' })
	});
	expect(claim.status).toBe(200);
	const residentCookie = (claim.headers.getSetCookie()[0] ?? '').split(';')[0];
	victimCookie = await signIn('ctv-demo-2');

	const everything = world.all();
	const bAndC = [...Object.values(world.b), ...Object.values(world.c)];
	const own = (database: string) => new Set([database]);
	const inWardA = (group: string) => (database: string) =>
		database === DB_A
			? household(WARD_A, group)
			: household(database.slice(5), `${database.slice(5)}-01`);
	const foreignPlace = (database: string) =>
		database === DB_A ? household(WARD_B, '26734-01') : household(WARD_A, '26956-01');
	roles = [
		{
			name: 'collaborator',
			username: 'ctv-demo',
			cookie: await signIn('ctv-demo'),
			outside: [a.g2, a.g2Person, a.g2Declaration, a.otherStatus, a.foreign, ...bAndC],
			reaches: own(DB_A),
			newDoc: inWardA('26956-02'),
			control: { path: `/db/${DB_A}/${a.h2.id}`, marker: a.h2.marker },
			outsideUnit: WARD_A,
			outsideGroup: '26956-02',
			outsideHousehold: a.g2.id
		},
		{
			name: 'ward_staff',
			username: 'ward-demo',
			cookie: staffCookie,
			outside: [a.foreign, ...bAndC],
			reaches: own(DB_A),
			newDoc: foreignPlace,
			control: { path: `/db/${DB_A}/${a.g2.id}`, marker: a.g2.marker },
			outsideUnit: WARD_B,
			outsideGroup: '26734-01',
			outsideHousehold: world.b.household.id
		},
		{
			name: 'district_supervisor',
			username: DISTRICT_SUPERVISOR,
			cookie: await signIn(DISTRICT_SUPERVISOR),
			outside: [a.foreign, ...bAndC],
			reaches: own(DB_A),
			newDoc: inWardA('26956-01'),
			control: { path: `/db/${DB_A}/${a.g2.id}`, marker: a.g2.marker },
			outsideUnit: WARD_B,
			outsideGroup: '26734-01',
			outsideHousehold: a.h2.id
		},
		{
			name: 'city_supervisor',
			username: 'city-demo',
			cookie: await signIn('city-demo'),
			outside: [a.foreign, world.b.foreign, ...Object.values(world.c)],
			reaches: new Set([DB_A, DB_B]),
			newDoc: inWardA('26956-01'),
			control: { path: `/db/${DB_B}/${world.b.household.id}`, marker: world.b.household.marker },
			outsideUnit: '01',
			outsideGroup: '00004-01',
			outsideHousehold: a.h2.id
		},
		{
			name: 'resident',
			username: undefined,
			cookie: residentCookie,
			outside: [
				a.h2,
				a.h2Person,
				a.g2,
				a.g2Person,
				a.g2Declaration,
				a.otherStatus,
				a.foreign,
				...bAndC
			],
			reaches: own(DB_A),
			newDoc: inWardA('26956-01'),
			control: { path: `/db/${DB_A}/${a.h1Person.id}`, marker: a.h1Person.marker },
			outsideUnit: WARD_A,
			outsideGroup: '26956-01',
			outsideHousehold: a.h2.id
		},
		{
			name: 'admin',
			username: 'admin-demo',
			cookie: await signIn('admin-demo'),
			outside: [a.foreign, world.b.foreign, world.c.foreign],
			reaches: new Set([DB_A, DB_B, DB_C]),
			newDoc: foreignPlace,
			control: { path: `/db/${DB_C}/${world.c.household.id}`, marker: world.c.household.marker },
			outsideUnit: null,
			outsideGroup: null,
			outsideHousehold: a.h2.id
		},
		{
			name: 'no session',
			cookie: '',
			outside: everything,
			reaches: new Set(),
			newDoc: inWardA('26956-01'),
			control: { path: '/api/health', marker: '"status":"ok"' },
			outsideUnit: WARD_A,
			outsideGroup: '26956-01',
			outsideHousehold: a.h2.id
		}
	];
	const resident = roles.find((role) => role.name === 'resident');
	if (resident) {
		const { user } = (await (await call(resident, 'GET', '/api/session')).json()) as {
			user: { username: string };
		};
		resident.username = user.username;
	}
	systemSeqs = Object.fromEntries(
		await Promise.all(
			['hssk_org', 'hssk_qr'].map(async (database) => [
				database,
				await updateSeq(stack.couch, database)
			])
		)
	);
});

afterAll(async () => {
	await stack?.stop();
});

describe('the endpoints tried', () => {
	it('has a case for every API route and method, and for every gateway endpoint kind', () => {
		const found = apiRoutes().flatMap(({ route, methods }) =>
			methods.map((method) => `${method} ${route}`)
		);
		expect(found.length).toBeGreaterThan(15);
		expect([...found].sort()).toEqual(Object.keys(API_CASES).sort());
		expect(coveredKinds().sort()).toEqual(
			[
				'all_docs',
				'bulk_docs',
				'bulk_get',
				'changes',
				'document',
				'ensure_full_commit',
				'info',
				'local',
				'revs_diff',
				'unreachable'
			].sort()
		);
	});
});

describe.each([
	'collaborator',
	'ward_staff',
	'district_supervisor',
	'city_supervisor',
	'resident',
	'admin',
	'no session'
] as const)('%s', (name) => {
	const role = () => {
		const found = roles.find((candidate) => candidate.name === name);
		if (!found) throw new Error(`no role ${name}`);
		return found;
	};

	it('reads what is in its scope (the control)', async () => {
		const { control } = role();
		const answer = await call(role(), 'GET', control.path);
		expect(answer.status).toBe(200);
		expect(answer.text).toContain(control.marker);
	});

	it('gets nothing outside its scope from any gateway operation', async () => {
		for (const target of gatewayTargets(role())) {
			const requests = gatewayRequests(target, (doc) => markerOf(doc.id));
			await mapLimited(requests, 4, (request) => sendGateway(role(), request, target.database));
		}
	});

	it('gets nothing outside its scope from any API route, and 405 for methods not served', async () => {
		const routes = apiRoutes();
		for (const { route, methods } of routes) {
			for (const method of methods) {
				const key = `${method} ${route}`;
				if (key === 'DELETE /api/session') continue;
				await API_CASES[key](role());
			}
			for (const method of METHODS.filter((m) => m !== 'HEAD' && !methods.includes(m))) {
				const answer = await call(
					role(),
					method,
					routeFor(route),
					method === 'GET' ? undefined : {}
				);
				expectNothing(role(), answer, `${method} ${route}`);
				expect(answer.status, `${method} ${route}`).toBe(405);
			}
		}
		await API_CASES['DELETE /api/session'](role());
	});
});

describe('afterwards, in CouchDB', () => {
	it('holds every outside record as it was, and none of the new ones', async () => {
		for (const doc of world.all()) {
			const stored = await stack.couch.json<{ _rev: string; _conflicts?: string[] }>(
				`${doc.database}/${encodeURIComponent(doc.id)}`,
				{ query: { conflicts: true } }
			);
			expect(stored._rev, `${doc.id} was changed`).toBe(doc.rev);
			expect(stored._conflicts, `${doc.id} got a branch`).toBeUndefined();
		}
		for (const database of [DB_A, DB_B, DB_C]) {
			const { rows } = await stack.couch.json<{ rows: { key: string; error?: string }[] }>(
				`${database}/_all_docs`,
				{ method: 'POST', body: { keys: [...attemptedNewIds] } }
			);
			expect(rows.filter((row) => !row.error).map((row) => row.key)).toEqual([]);
		}
		const checkpoint = await stack.couch.json<{ _rev: string }>(
			`${world.otherCheckpoint.database}/${world.otherCheckpoint.id}`
		);
		expect(checkpoint._rev).toBe(world.otherCheckpoint.rev);
		for (const [database, seq] of Object.entries(systemSeqs)) {
			expect(await updateSeq(stack.couch, database), `${database} was written`).toBe(seq);
		}
		const other = await stack.couch.getDoc<{ disabled?: boolean }>(
			'hssk_users',
			`user:${OTHER_WARD_COLLABORATOR}`
		);
		expect(other?.disabled).toBe(false);
	});

	it('reports what each role got from each endpoint', () => {
		const lines = [...tried.entries()]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(
				([endpoint, byRole]) =>
					`${endpoint}: ` +
					[...byRole.entries()]
						.map(([name, statuses]) => `${name} ${[...statuses].sort().join('/')}`)
						.join(', ')
			);
		console.log(`Scope matrix (${lines.length} endpoint operations):\n${lines.join('\n')}`);
		expect(lines.length).toBeGreaterThan(30);
	});
});
