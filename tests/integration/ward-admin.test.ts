// Ward staff manage their groups and collaborators, against the real embedded server: a new
// group numbered on, a collaborator who signs in with the temporary password and syncs the
// new group, a reset that stops the old password, a disabled account that stops at once;
// collaborators and other wards are refused. Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let staff: string;

async function signIn(username: string, password: string): Promise<Response> {
	return fetch(`${stack.appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password, device_id: 'ward-office-0001' })
	});
}

function cookieOf(response: Response): string {
	return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

function call(method: 'GET' | 'POST' | 'PATCH', path: string, cookie: string, body?: unknown) {
	return fetch(`${stack.appUrl}${path}`, {
		method,
		headers: { 'content-type': 'application/json', cookie },
		...(body === undefined ? {} : { body: JSON.stringify(body) })
	});
}

beforeAll(async () => {
	stack = await startStack({ households: 5 });
	staff = cookieOf(await signIn('ward-demo', DEMO_PASSWORD));
});

afterAll(async () => {
	await stack?.stop();
});

describe("ward staff manage their ward's groups and collaborators", () => {
	let group = '';
	let password = '';

	it('adds a group numbered after the last, and renames it', async () => {
		const created = await call('POST', '/api/ward/groups', staff, { name: 'Tổ dân phố 13' });
		expect(created.status).toBe(200);
		({
			group: { code: group }
		} = (await created.json()) as { group: { code: string } });
		expect(group).toBe('26956-13');
		const renamed = await call('POST', '/api/ward/groups', staff, {
			code: group,
			name: 'Tổ dân phố 13 (Hẻm 45)'
		});
		expect(renamed.status).toBe(200);
		const { groups } = (await (await call('GET', '/api/ward/groups', staff)).json()) as {
			groups: { code: string; name: string }[];
		};
		expect(groups.find((candidate) => candidate.code === group)?.name).toBe(
			'Tổ dân phố 13 (Hẻm 45)'
		);
		expect((await call('POST', '/api/ward/groups', staff, { name: '  ' })).status).toBe(400);
	});

	it('creates a collaborator who signs in with the temporary password and reaches the group', async () => {
		const created = await call('POST', '/api/ward/collaborators', staff, {
			username: 'ctv-to13',
			display_name: 'Võ Thị Hồng',
			groups: [group]
		});
		expect(created.status).toBe(201);
		({ password } = (await created.json()) as { password: string });
		expect(password).toMatch(/^[a-z2-9]{10}$/);
		const session = await signIn('ctv-to13', password);
		expect(session.status).toBe(200);
		const { user } = (await session.json()) as { user: { groups: { code: string }[] } };
		expect(user.groups.map((candidate) => candidate.code)).toEqual([group]);
		// The password never reaches the log; the account's name does not either.
		expect(stack.appLog()).not.toContain(password);
		expect(stack.appLog()).not.toContain('Võ Thị Hồng');

		const taken = await call('POST', '/api/ward/collaborators', staff, {
			username: 'ctv-to13',
			display_name: 'Ai Đó',
			groups: [group]
		});
		expect(taken.status).toBe(409);
		const listed = (await (await call('GET', '/api/ward/collaborators', staff)).json()) as {
			collaborators: { username: string }[];
		};
		expect(listed.collaborators.map((collaborator) => collaborator.username)).toContain('ctv-to13');
	});

	it('refuses groups of another ward or none at all, and writes nothing', async () => {
		for (const groups of [['26957-01'], []]) {
			const response = await call('POST', '/api/ward/collaborators', staff, {
				username: 'ctv-elsewhere',
				display_name: 'Người Khác',
				groups
			});
			expect(response.status).toBe(400);
		}
		expect((await signIn('ctv-elsewhere', 'anything-at-all')).status).toBe(401);
	});

	it('resets the password: the old one stops working', async () => {
		const reset = await call('PATCH', '/api/ward/collaborators', staff, {
			username: 'ctv-to13',
			action: 'reset_password'
		});
		const { password: fresh } = (await reset.json()) as { password: string };
		expect(fresh).not.toBe(password);
		expect((await signIn('ctv-to13', password)).status).toBe(401);
		expect((await signIn('ctv-to13', fresh)).status).toBe(200);
		password = fresh;
	});

	it('disables the account: its session stops at once', async () => {
		const session = cookieOf(await signIn('ctv-to13', password));
		expect(
			(await fetch(`${stack.appUrl}/api/session`, { headers: { cookie: session } })).status
		).toBe(200);
		const disabled = await call('PATCH', '/api/ward/collaborators', staff, {
			username: 'ctv-to13',
			action: 'disable'
		});
		expect(disabled.status).toBe(200);
		// Refused, and said to be a closed account, so the phone deletes its records.
		const asked = await fetch(`${stack.appUrl}/api/session`, { headers: { cookie: session } });
		expect(asked.status).toBe(403);
		expect(((await asked.json()) as { key?: string }).key).toBe('auth.disabled');
		expect((await signIn('ctv-to13', password)).status).toBe(403);
	});

	it('is for ward staff only, and only for their own collaborators', async () => {
		const collaborator = cookieOf(await signIn('ctv-demo', DEMO_PASSWORD));
		expect((await call('GET', '/api/ward/collaborators', collaborator)).status).toBe(403);
		expect((await call('POST', '/api/ward/groups', collaborator, { name: 'X' })).status).toBe(403);
		const city = cookieOf(await signIn('city-demo', DEMO_PASSWORD));
		expect((await call('GET', '/api/ward/groups', city)).status).toBe(403);
		const notOurs = await call('PATCH', '/api/ward/collaborators', staff, {
			username: 'city-demo',
			action: 'disable'
		});
		expect(notOurs.status).toBe(404);
		expect((await signIn('city-demo', DEMO_PASSWORD)).status).toBe(200);
	});
});
