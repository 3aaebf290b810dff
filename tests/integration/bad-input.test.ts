// Bad input to every endpoint: each API route found under src/routes/api and each gateway
// operation gets malformed JSON, bodies over the bounds, wrong types, script in names and path
// tricks in database names and ids, as ward staff, as an administrator and with no session.
// Every answer must be a 4xx (a bulk write may answer 201 with every row refused) with a
// reason in Vietnamese and English, never a server error; afterwards CouchDB holds nothing
// new and the server still answers. Needs `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { newId } from '../../src/lib/domain';
import { mapLimited } from '../../src/lib/server/gateway/placement';
import { apiRoutes } from '../support/api-routes';
import { updateSeq } from '../support/org';
import { startStack, type Stack } from '../support/stack';

const DATABASES = ['hssk_org', 'hssk_users', 'hssk_qr', 'ward_26956', '_users', '_replicator'];
const SCRIPT = '<script>alert(1)</script>';

let stack: Stack;
let sessions: { name: string; cookie: string }[];
let seqs: Record<string, string>;
let auditSince: string;
/** Every request sent, with what it got, for the closing report. */
const sent: { what: string; status: number }[] = [];

type Attempt = {
	/** `METHOD /route` as the route files name it. */
	endpoint: string;
	what: string;
	method: string;
	path: string;
	body?: string;
	type?: string;
};

/** Names with markup in bodies that are right in every other way. */
const SCRIPT_IN_NAMES: Record<string, unknown[]> = {
	'/api/ward/groups': [{ name: SCRIPT }, { code: '26956-01', name: `Tổ 1 ${SCRIPT}` }],
	'/api/ward/collaborators': [
		{ username: 'ctv-script', display_name: SCRIPT, groups: ['26956-01'] },
		{ username: 'ctv-demo', action: 'groups', groups: [SCRIPT] }
	],
	'/api/session': [{ username: SCRIPT, password: SCRIPT, device_id: 'fuzz-device-01' }],
	'/api/claim': [{ token: SCRIPT, answer: SCRIPT, device_id: 'fuzz-device-01' }],
	'/api/qr/household': [{ household: `household:${SCRIPT}`, action: 'issue' }],
	'/api/consent': [
		{
			vi: `Hộ gia đình đồng ý cho trạm y tế phường lưu thông tin sức khỏe. ${SCRIPT}`,
			en: `The household agrees that the ward health station keeps its health data. ${SCRIPT}`
		}
	]
};

/**
 * Protocol endpoints that take any JSON object or ignore the body, as CouchDB does: a
 * checkpoint (kept under the caller's own name), `_ensure_full_commit`, `_changes` without
 * `filter=_doc_ids`. Their answer may be a success; nothing else is stored by them.
 */
function takesAnyBody(attempt: Attempt): boolean {
	const path = new URL(attempt.path, 'http://x').pathname;
	return (
		(attempt.method === 'PUT' && path.endsWith('/_local/checkpoint')) ||
		(attempt.method === 'POST' && path.endsWith('/_ensure_full_commit')) ||
		(attempt.method === 'POST' && path.endsWith('/_changes'))
	);
}

/** Signs the caller out whatever it is sent: it reads no body. Tried with no session only. */
const TAKES_NO_INPUT = 'DELETE /api/session';

const MALFORMED_JSON = [
	'{',
	'{"username": "ward-demo",,}',
	'{"a": 1} trailing',
	"{'single': 'quotes'}",
	'null',
	'[]',
	'"just a string"',
	'12345',
	'true',
	'\u0000\u0001\u0002',
	'\ufeff{"bom": true}',
	'['.repeat(20_000) + ']'.repeat(20_000),
	'{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"role": "admin"}}}'
];

/** Every field any endpoint reads, each with a type it does not take. */
const WRONG_TYPES = {
	username: 12,
	password: ['demo-password'],
	device_id: { id: 'x' },
	token: 5,
	answer: null,
	household: { id: 'household:x' },
	action: ['disable'],
	groups: 'all',
	group: 7,
	name: { vi: 'x' },
	code: true,
	display_name: 3.14,
	docs: { _id: 'household:x' },
	keys: 'k',
	new_edits: 'no',
	doc_ids: 3,
	since: {},
	limit: 'ten'
};

/** Names with markup, and ids and codes that are not what they claim. */
const SCRIPTED = {
	username: SCRIPT,
	password: SCRIPT,
	device_id: SCRIPT,
	token: SCRIPT,
	answer: SCRIPT,
	household: `household:${SCRIPT}`,
	action: SCRIPT,
	groups: [SCRIPT],
	code: SCRIPT,
	name: SCRIPT,
	display_name: SCRIPT
};

function household(fields: Record<string, unknown>) {
	const now = new Date().toISOString();
	return {
		_id: newId('household'),
		type: 'household',
		ward: '26956',
		group: '26956-01',
		address: { house_number: '1', street: 'Đường Ung Văn Khiêm' },
		head_name: 'Đỗ Văn Bình',
		audit: {
			created_at: now,
			created_by: 'ward-demo',
			updated_at: now,
			updated_by: 'ward-demo',
			device_id: 'bad-input-device'
		},
		...fields
	};
}

/** Records whose content is wrong in every way a push could get it wrong. */
function badRecords() {
	return [
		household({ head_name: SCRIPT }),
		household({ address: { house_number: '<img src=x onerror=alert(1)>', street: 'Hẻm 5' } }),
		household({ ward: 26956, group: null }),
		household({ address: 'not an address', audit: 'none' }),
		household({ _id: `household:${SCRIPT}` }),
		household({ _id: '_design/evil', views: { all: { map: 'function(doc){emit(doc)}' } } }),
		household({ _id: '_local/../../x' }),
		household({ _attachments: { 'a.txt': { content_type: 'text/plain', data: 'aGk=' } } }),
		household({ type: 'declaration' }),
		{ _id: 5 },
		null,
		'a string',
		[]
	];
}

const DATABASE_TRICKS = [
	'..%2fhssk_users',
	'..%2F..%2F_users',
	'_users',
	'hssk_org',
	'hssk_users',
	'hssk_audit',
	'ward_..%2f',
	'ward_..%2fhssk_users',
	'ward_26956%2f..%2fhssk_users',
	'ward_26956%2F_all_docs',
	'ward_%2e%2e',
	'%2e%2e',
	'ward_26956%00',
	'WARD_26956',
	'ward_2695',
	'ward_269560',
	'_all_dbs',
	'%5Fusers',
	'%252e%252e%252fhssk_users',
	'ward_26956%ZZ'
];

const GATEWAY_PATHS = [
	'',
	'_changes',
	'_all_docs',
	'_bulk_get',
	'_revs_diff',
	'_bulk_docs',
	'_ensure_full_commit',
	'_local/checkpoint',
	'household%3Ax'
];

function json(value: unknown): string {
	return JSON.stringify(value);
}

function apiAttempts(): Attempt[] {
	const attempts: Attempt[] = [];
	for (const { route, methods } of apiRoutes()) {
		const paths = route.includes('[token]')
			? ['..%2f..%2fhssk_users', SCRIPT, '%00', 'x'.repeat(500)].map((token) =>
					route.replace('[token]', encodeURIComponent(token))
				)
			: [route];
		for (const method of methods) {
			const endpoint = `${method} ${route}`;
			const add = (attempt: Omit<Attempt, 'endpoint' | 'method'>) =>
				attempts.push({ endpoint, method, ...attempt });
			for (const path of paths) {
				if (method === 'GET') {
					for (const query of [
						`unit=${encodeURIComponent('../../hssk_users')}`,
						`group=${encodeURIComponent(SCRIPT)}`,
						`household=${encodeURIComponent('household:../x')}`,
						'unit=ward_26956&group=26956-01%00&hours=1e400&limit=-1&before=zzz',
						'hours=NaN&limit=1.5&unit=%ZZ',
						`before=${encodeURIComponent('audit:26956:' + SCRIPT)}`
					]) {
						add({ what: `GET ${route}?${query}`, path: `${path}?${query}` });
					}
					continue;
				}
				for (const body of MALFORMED_JSON) add({ what: `${endpoint} malformed JSON`, path, body });
				add({ what: `${endpoint} wrong types`, path, body: json(WRONG_TYPES) });
				add({ what: `${endpoint} script`, path, body: json(SCRIPTED) });
				for (const body of SCRIPT_IN_NAMES[route] ?? []) {
					add({ what: `${endpoint} script in a name`, path, body: json(body) });
				}
				add({
					what: `${endpoint} 2 MB`,
					path,
					body: json({ username: 'x'.repeat(2 * 1024 * 1024) })
				});
				if (route === '/api/org/import') {
					for (const csv of [
						`code,level,name,parent\n26956-99,group,${SCRIPT},26956\n`,
						'code,level,name,parent\n../x,ward,Ngoài,79\n',
						'code,level\n',
						'\u0000\u0001',
						'code,level,name,parent\n' + '26956-98,group,"Tổ 98,26956\n'
					]) {
						add({ what: `${endpoint} bad CSV`, path, body: csv, type: 'text/csv' });
					}
					add({
						what: `${endpoint} 6 MB`,
						path,
						body: 'code,level,name,parent\n' + 'x'.repeat(6 * 1024 * 1024),
						type: 'text/csv'
					});
				}
			}
		}
	}
	return attempts;
}

function gatewayAttempts(): Attempt[] {
	const attempts: Attempt[] = [];
	for (const database of DATABASE_TRICKS) {
		for (const rest of GATEWAY_PATHS) {
			for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
				attempts.push({
					endpoint: `gateway ${rest || '<db>'}`,
					what: `${method} /db/<trick>/${rest}`,
					method,
					path: `/db/${database}/${rest}`,
					...(method === 'GET' ? {} : { body: json({ docs: badRecords(), keys: ['x'] }) })
				});
			}
		}
	}
	const base = '/db/ward_26956';
	for (const rest of GATEWAY_PATHS) {
		for (const method of ['POST', 'PUT']) {
			for (const body of MALFORMED_JSON) {
				attempts.push({
					endpoint: `gateway ${rest || '<db>'}`,
					what: `${method} /db/<ward>/${rest} malformed JSON`,
					method,
					path: `${base}/${rest}`,
					body
				});
			}
			attempts.push({
				endpoint: `gateway ${rest || '<db>'}`,
				what: `${method} /db/<ward>/${rest} wrong types`,
				method,
				path: `${base}/${rest}`,
				body: json(WRONG_TYPES)
			});
		}
	}
	for (const records of [badRecords(), badRecords().map((record) => ({ record }))]) {
		attempts.push({
			endpoint: 'gateway _bulk_docs',
			what: 'POST /db/<ward>/_bulk_docs bad records',
			method: 'POST',
			path: `${base}/_bulk_docs`,
			body: json({ docs: records })
		});
		attempts.push({
			endpoint: 'gateway _bulk_docs',
			what: 'POST /db/<ward>/_bulk_docs bad records, new_edits=false',
			method: 'POST',
			path: `${base}/_bulk_docs`,
			body: json({ docs: records, new_edits: false })
		});
	}
	for (const record of badRecords()) {
		const id =
			record && typeof record === 'object' && '_id' in record ? String(record._id) : 'household:x';
		attempts.push({
			endpoint: 'gateway <docid>',
			what: 'PUT /db/<ward>/<docid> bad record',
			method: 'PUT',
			path: `${base}/${encodeURIComponent(id)}`,
			body: json(record)
		});
	}
	for (const id of [
		'..%2f..%2fhssk_users',
		'_design%2Fprogress',
		'_local%2F..%2F..%2Fx',
		'%00',
		SCRIPT
	]) {
		for (const method of ['GET', 'PUT', 'DELETE']) {
			attempts.push({
				endpoint: 'gateway <docid>',
				what: `${method} /db/<ward>/<tricky id>`,
				method,
				path: `${base}/${id}`,
				...(method === 'PUT' ? { body: json(household({})) } : {})
			});
		}
	}
	for (const query of [
		'_changes?since=%3Cscript%3E&limit=-5',
		'_changes?feed=continuous',
		'_changes?feed=longpoll&timeout=abc',
		'_changes?filter=_view&view=progress/x',
		'_changes?filter=_doc_ids&doc_ids=%5B1,2%5D',
		'_changes?type=%3Cscript%3E',
		'_all_docs?keys=%5B',
		'_all_docs?key=%7B',
		'household%3Ax?open_revs=%5B'
	]) {
		attempts.push({
			endpoint: `gateway ${query.split('?')[0]}`,
			what: `GET /db/<ward>/${query.split('?')[0]} bad query`,
			method: 'GET',
			path: `${base}/${query}`
		});
	}
	attempts.push({
		endpoint: 'gateway _bulk_docs',
		what: 'POST /db/<ward>/_bulk_docs 11 MB',
		method: 'POST',
		path: `${base}/_bulk_docs`,
		body: json({ docs: [household({ notes: 'x'.repeat(11 * 1024 * 1024) })] })
	});
	return attempts;
}

/** The reason the answer gives, wherever its kind of answer puts it. */
function reasonsOf(text: string): string[] {
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return [];
	}
	if (Array.isArray(body)) return body.map((row: { reason?: string }) => row?.reason ?? '');
	const answer = body as { reason?: string; report?: { problems?: { reason: string }[] } };
	if (answer.reason) return [answer.reason];
	return (answer.report?.problems ?? []).map((problem) => problem.reason);
}

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

function bilingualProblem(reasons: string[], what: string): string | null {
	if (reasons.length === 0) return `${what} with no reason`;
	for (const reason of reasons) {
		const [vi, en] = reason.split(' / ');
		if (!VIETNAMESE.test(vi ?? '') || !/[a-z]{3}/i.test(en ?? '')) {
			return `${what}: "${reason.slice(0, 100)}" is not Vietnamese / English`;
		}
	}
	return null;
}

/** Sends them all; the problems found, one line each. */
async function sendAll(attempts: Attempt[], cookie: string): Promise<string[]> {
	const problems = await mapLimited(attempts, 4, (attempt) => send(attempt, cookie));
	return [...new Set(problems.filter((problem): problem is string => problem !== null))];
}

/** What is wrong with the answer to one attempt, or null. */
async function send(attempt: Attempt, cookie: string): Promise<string | null> {
	const response = await fetch(`${stack.appUrl}${attempt.path}`, {
		method: attempt.method,
		headers: {
			...(cookie ? { cookie } : {}),
			...(attempt.body === undefined ? {} : { 'content-type': attempt.type ?? 'application/json' })
		},
		...(attempt.body === undefined ? {} : { body: attempt.body })
	});
	const text = await response.text();
	const { status } = response;
	sent.push({ what: attempt.what, status });
	const what = `${attempt.what} (${attempt.path.slice(0, 60)}) answered ${status}`;
	if (status >= 500) return `${what}: ${text.slice(0, 160)}`;
	if (text.includes('"algorithm":"scrypt"')) return `${what} with a password hash`;
	if (response.headers.getSetCookie().some((line) => /^hssk_session=[^;]+/.test(line))) {
		return `${what} and opened a session`;
	}
	if (attempt.endpoint === TAKES_NO_INPUT) return status === 204 ? null : what;
	// `/db/%2e%2e/…` is `/…` once the address is read (dot segments): a page of the app, which
	// the device renders with its own "Không tìm thấy / Not found".
	const pathname = new URL(attempt.path, stack.appUrl).pathname;
	const isEndpoint = pathname.startsWith('/api/') || pathname.startsWith('/db');
	if (!isEndpoint && attempt.method === 'GET') {
		const isPage = response.headers.get('content-type')?.startsWith('text/html') ?? false;
		return isPage && (status === 200 || status === 404) ? null : `${what}: not the app's page`;
	}
	if (takesAnyBody(attempt) && status < 400) return null;
	if (attempt.method === 'GET' && status < 400) return null;
	if (status === 201 && attempt.path.includes('_bulk_docs')) {
		// The bulk protocol answers each document: every one must be refused, with a reason.
		const rows = JSON.parse(text) as { error?: string }[];
		if (!rows.every((row) => row.error)) return `${what}: a row was accepted`;
		return bilingualProblem(reasonsOf(text), what);
	}
	if (status < 400) return `${what}: accepted`;
	return bilingualProblem(reasonsOf(text), what);
}

async function signIn(username: string): Promise<string> {
	const response = await fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: `fuzz-${username}` })
	});
	expect(response.status).toBe(200);
	return (response.headers.getSetCookie()[0] ?? '').split(';')[0];
}

async function expectServing(): Promise<void> {
	const health = await fetch(`${stack.appUrl}/api/health`);
	expect(health.status).toBe(200);
}

beforeAll(async () => {
	stack = await startStack({ households: 5, appEnv: { PROGRESS_WARM: '0' } });
	sessions = [
		{ name: 'ward staff', cookie: await signIn('ward-demo') },
		{ name: 'admin', cookie: await signIn('admin-demo') },
		{ name: 'no session', cookie: '' }
	];
	seqs = Object.fromEntries(
		await Promise.all(
			DATABASES.map(async (database) => [database, await updateSeq(stack.couch, database)])
		)
	);
	auditSince = new Date().toISOString();
});

afterAll(async () => {
	await stack?.stop();
});

describe('bad input', () => {
	it('to every API route: a 4xx with a reason in Vietnamese and English', async () => {
		const attempts = apiAttempts();
		const covered = new Set(attempts.map((attempt) => attempt.endpoint));
		const endpoints = apiRoutes().flatMap(({ route, methods }) =>
			methods.map((m) => `${m} ${route}`)
		);
		expect(endpoints.filter((endpoint) => !covered.has(endpoint))).toEqual([]);
		for (const { cookie } of sessions) {
			const mine = attempts.filter(
				(attempt) => cookie === '' || attempt.endpoint !== TAKES_NO_INPUT
			);
			await mapLimited(mine, 4, (attempt) => send(attempt, cookie));
			await expectServing();
		}
	});

	it('to every gateway operation, path tricks in database names included', async () => {
		const problems: string[] = [];
		for (const { name, cookie } of sessions) {
			const found = await sendAll(gatewayAttempts(), cookie);
			problems.push(...found.map((problem) => `${name}: ${problem}`));
			await expectServing();
		}
		expect(problems).toEqual([]);
	});

	it('says what is wrong with script in a name: the characters < and >', async () => {
		const staff = sessions[0].cookie;
		const post = (path: string, body: unknown) =>
			fetch(`${stack.appUrl}${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie: staff },
				body: JSON.stringify(body)
			});
		const markup = 'Không được dùng ký tự < hoặc > / The characters < and > are not allowed';
		for (const [path, body] of [
			['/api/ward/groups', { name: SCRIPT }],
			[
				'/api/ward/collaborators',
				{ username: 'ctv-script', display_name: SCRIPT, groups: ['26956-01'] }
			]
		] as const) {
			const response = await post(path, body);
			expect(response.status, path).toBe(400);
			expect(((await response.json()) as { reason: string }).reason).toBe(markup);
		}
		const push = await post('/db/ward_26956/_bulk_docs', {
			docs: [household({ head_name: SCRIPT })]
		});
		const [row] = (await push.json()) as { error: string; reason: string }[];
		expect(row.error).toBe('forbidden');
		expect(row.reason).toContain('ký tự < hoặc >');
	});

	it('stores nothing, and the server keeps serving', async () => {
		for (const [database, seq] of Object.entries(seqs)) {
			expect(await updateSeq(stack.couch, database), `${database} was written`).toBe(seq);
		}
		const { rows } = await stack.couch.json<{ rows: { doc: { action: string; at: string } }[] }>(
			'hssk_audit/_all_docs',
			{ query: { include_docs: true } }
		);
		const writes = rows
			.map((row) => row.doc)
			.filter(
				(doc) =>
					doc.at >= auditSince && !doc.action.startsWith('list.') && doc.action !== 'records.read'
			);
		expect(writes).toEqual([]);
		await expectServing();
		expect((await signIn('ctv-demo')).startsWith('hssk_session=')).toBe(true);
		const statuses = new Map<number, number>();
		for (const { status } of sent) statuses.set(status, (statuses.get(status) ?? 0) + 1);
		console.log(
			`bad input: ${sent.length} requests, by status: ` +
				[...statuses.entries()]
					.sort()
					.map(([status, count]) => `${status}×${count}`)
					.join(', ')
		);
	});
});
