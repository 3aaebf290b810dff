// The progress cache against the real embedded server: the app server reads every ward when
// it starts, a supervisor's first view is then served without reading the ward, and a new
// declaration through the gateway is counted at once by re-reading the declarations' view
// alone. Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_WARD_CODE } from '../../couch/seed/demo';
import { newId, wardDatabaseName, type ProgressCounts } from '../../src/lib/domain';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;

async function cookieOf(username: string): Promise<string> {
	const response = await fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: 'office-pc-0002' })
	});
	expect(response.status).toBe(200);
	return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

function wardReads(from: number): { ward: string; views: string[] }[] {
	return stack
		.appLog()
		.slice(from)
		.split('\n')
		.filter((line) => line.includes('"event":"progress.ward_read"'))
		.map((line) => JSON.parse(line) as { ward: string; views: string[] });
}

async function countsOf(cookie: string): Promise<ProgressCounts> {
	const response = await fetch(`${stack.appUrl}/api/progress?unit=${DEMO_WARD_CODE}`, {
		headers: { cookie }
	});
	expect(response.status).toBe(200);
	return ((await response.json()) as { counts: ProgressCounts }).counts;
}

beforeAll(async () => {
	stack = await startStack({ households: 30 });
	const deadline = Date.now() + 30_000;
	while (!stack.appLog().includes('"event":"progress.warmed"')) {
		if (Date.now() > deadline) throw new Error('the app server never logged progress.warmed');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
});

afterAll(async () => {
	await stack?.stop();
});

describe('the progress cache kept warm', () => {
	it('read every ward at start, so the first view reads none', async () => {
		expect(stack.appLog()).toMatch(/"event":"progress\.warmed","wards":1,"failed":0/);
		const from = stack.appLog().length;
		const counts = await countsOf(await cookieOf('city-demo'));
		expect(counts.persons).toBeGreaterThan(0);
		expect(wardReads(from)).toEqual([]);
	});

	it('counts a declaration pushed through the gateway at once, re-reading its view alone', async () => {
		const supervisor = await cookieOf('city-demo');
		const before = await countsOf(supervisor);
		const { rows } = await stack.couch.json<{
			rows: { id: string; doc: { group?: string; household?: string } }[];
		}>(`${wardDatabaseName(DEMO_WARD_CODE)}/_all_docs`, {
			query: {
				include_docs: true,
				startkey: JSON.stringify('person:'),
				endkey: JSON.stringify('person:\ufff0')
			}
		});
		const person = rows.find((row) => row.doc.group === `${DEMO_WARD_CODE}-01`);
		expect(person).toBeDefined();
		const now = new Date().toISOString();
		const declaration = {
			_id: newId('declaration'),
			type: 'declaration',
			ward: DEMO_WARD_CODE,
			group: `${DEMO_WARD_CODE}-01`,
			person: person?.id,
			household: person?.doc.household,
			declared_at: now,
			declared_by: 'ctv-demo',
			role: 'collaborator',
			channel: 'door_to_door',
			health: { height_cm: 160, weight_kg: 55 },
			consent: {
				text_version: 0,
				given_at: now,
				given_by: person?.id,
				mode: 'oral',
				recorded_by: 'ctv-demo',
				device_id: 'office-pc-0002'
			},
			audit: {
				created_at: now,
				created_by: 'ctv-demo',
				updated_at: now,
				updated_by: 'ctv-demo',
				device_id: 'office-pc-0002'
			}
		};
		const from = stack.appLog().length;
		const push = await fetch(`${stack.appUrl}/db/${wardDatabaseName(DEMO_WARD_CODE)}/_bulk_docs`, {
			method: 'POST',
			headers: { cookie: await cookieOf('ctv-demo'), 'content-type': 'application/json' },
			body: JSON.stringify({ docs: [declaration] })
		});
		expect(push.status).toBe(201);
		expect(await push.json()).toEqual([expect.objectContaining({ ok: true })]);
		const after = await countsOf(supervisor);
		expect(after.last_7_days.door_to_door).toBe(before.last_7_days.door_to_door + 1);
		expect(wardReads(from)).toEqual([
			expect.objectContaining({ ward: DEMO_WARD_CODE, views: ['declarations'] })
		]);
	});
});
