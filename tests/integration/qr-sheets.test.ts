// `GET /api/qr/sheets` against the built app server and an embedded CouchDB: ward staff get
// one sheet per household of the group with a working, unique claim link; printing again
// gives the same links; nobody else gets any. Needs `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CADENCE_MONTHS, DEMO_HOTLINE, DEMO_PASSWORD } from '../../couch/seed/demo';
import {
	CHECK_CODE_ALPHABET,
	QrSheetsAnswerSchema,
	type Household,
	type QrSheetsAnswer
} from '../../src/lib/domain';
import { startStack, type Stack } from '../support/stack';

const GROUP = '26956-01';
const WARD_DATABASE = 'ward_26956';
const DEVICE_ID = 'qr-sheets-test-device';

let stack: Stack;
let wardCookie: string;

beforeAll(async () => {
	stack = await startStack({ households: 40 });
	wardCookie = await signIn('ward-demo');
});
afterAll(async () => {
	await stack?.stop();
});

async function signIn(username: string): Promise<string> {
	const response = await fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: DEVICE_ID })
	});
	expect(response.status).toBe(200);
	const header = response.headers.getSetCookie().find((line) => line.startsWith('hssk_session='));
	if (!header) throw new Error('no session cookie');
	return header.split(';')[0];
}

function sheetsOf(group: string | null, cookie?: string): Promise<Response> {
	const query = group === null ? '' : `?${new URLSearchParams({ group })}`;
	return fetch(`${stack.appUrl}/api/qr/sheets${query}`, {
		headers: cookie ? { cookie } : {}
	});
}

async function answerOf(response: Response): Promise<QrSheetsAnswer> {
	expect(response.status).toBe(200);
	return QrSheetsAnswerSchema.parse(await response.json());
}

/** The group's households as CouchDB holds them, read past the app server. */
async function householdsOfGroup(group: string): Promise<Array<Household & { _id: string }>> {
	const result = await stack.couch.json<{ rows: { doc?: Household & { _id: string } }[] }>(
		`${WARD_DATABASE}/_all_docs`,
		{ query: { include_docs: true, startkey: '"household:"', endkey: '"household:\ufff0"' } }
	);
	return result.rows
		.map((row) => row.doc)
		.filter((doc): doc is Household & { _id: string } => doc?.group === group);
}

describe('GET /api/qr/sheets', () => {
	let first: QrSheetsAnswer;

	it('gives ward staff one sheet per household of the group, with its address and head', async () => {
		first = await answerOf(await sheetsOf(GROUP, wardCookie));
		const households = await householdsOfGroup(GROUP);
		expect(households.length).toBeGreaterThan(1);
		expect(first.sheets).toHaveLength(households.length);
		expect(first.sheets.map((sheet) => sheet.household).sort()).toEqual(
			households.map((household) => household._id).sort()
		);
		for (const household of households) {
			expect(first.sheets.find((sheet) => sheet.household === household._id)).toMatchObject({
				house_number: household.address.house_number,
				street: household.address.street,
				head_name: household.head_name
			});
		}
		expect(first.group).toEqual({ code: GROUP, name: 'Tổ dân phố 1' });
		expect(first.ward).toMatchObject({
			code: '26956',
			name: 'Phường 27',
			cadence_months: DEMO_CADENCE_MONTHS,
			hotline: DEMO_HOTLINE
		});
	});

	it('gives each household its own claim link: origin, /q/, and a 24-character token', async () => {
		const pattern = new RegExp(`^${stack.appUrl.replace(/[.]/g, '\\.')}/q/[A-Za-z0-9_-]{24}$`);
		for (const sheet of first.sheets) {
			expect(sheet.link).toMatch(pattern);
			expect(sheet.check_code).toHaveLength(6);
			expect([...sheet.check_code].every((char) => CHECK_CODE_ALPHABET.includes(char))).toBe(true);
		}
		expect(new Set(first.sheets.map((sheet) => sheet.link)).size).toBe(first.sheets.length);
	});

	it('lists the sheets by street, then house number as people read it', () => {
		const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
		const addresses = first.sheets.map((sheet) => [sheet.street, sheet.house_number]);
		const sorted = [...addresses].sort(
			(a, b) => collator.compare(a[0], b[0]) || collator.compare(a[1], b[1])
		);
		expect(addresses).toEqual(sorted);
	});

	it('prints the same links and codes the second time: nothing is issued again', async () => {
		const second = await answerOf(await sheetsOf(GROUP, wardCookie));
		expect(second.sheets).toEqual(first.sheets);
	});

	it('gives two staff printing the same group at once the same links', async () => {
		const other = await signIn('ward-demo');
		const responses = await Promise.all([
			sheetsOf('26956-02', wardCookie),
			sheetsOf('26956-02', other)
		]);
		const [a, b] = await Promise.all(responses.map(answerOf));
		expect(a.sheets.length).toBeGreaterThan(0);
		expect(b.sheets).toEqual(a.sheets);
		// Whichever write lost, the links given are the ones the server keeps.
		expect((await answerOf(await sheetsOf('26956-02', wardCookie))).sheets).toEqual(a.sheets);
	});

	it('prints links that open their household, with the code under the QR as the answer', async () => {
		const [sheet] = first.sheets;
		const token = sheet.link.slice(sheet.link.lastIndexOf('/') + 1);
		const opened = await fetch(`${stack.appUrl}/api/claim/${token}`);
		expect(opened.status).toBe(200);
		const claimed = await fetch(`${stack.appUrl}/api/claim`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ token, answer: sheet.check_code, device_id: DEVICE_ID })
		});
		expect(claimed.status).toBe(200);
		const { user } = (await claimed.json()) as { user: { household?: string } };
		expect(user.household).toBe(sheet.household);
	});

	it('refuses a collaborator, even for their own group', async () => {
		const response = await sheetsOf(GROUP, await signIn('ctv-demo'));
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({ error: 'forbidden' });
	});

	it('refuses a caller without a session', async () => {
		const response = await sheetsOf(GROUP);
		expect(response.status).toBe(401);
	});

	it('refuses a group of another ward, an unknown group and a malformed code', async () => {
		expect((await sheetsOf('26957-01', wardCookie)).status).toBe(403);
		expect((await sheetsOf('26956-99', wardCookie)).status).toBe(404);
		for (const code of ['abc', '26956', '26956-01x', '']) {
			expect((await sheetsOf(code, wardCookie)).status, code).toBe(400);
		}
		expect((await sheetsOf(null, wardCookie)).status).toBe(400);
	});
});
