// The registry link with two app servers on one CouchDB: both schedule it, and a run first
// claims the ward in its state document, so a page of the registry's feed is read and written
// by one of them only, no run fails on the other's cursor, and a ward another process holds
// is left alone until its claim lapses. Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryServer, type RegistryServer } from '../support/registry-server';
import { startStack, type SecondApp, type Stack } from '../support/stack';
import { WARD_DATABASE } from '../support/ward';

const WARD = '26956';
const TOKEN = 'registry-lease-token';
const HOUSEHOLDS = 12;
const STATE_ID = `registry_link:${WARD}`;

let registry: RegistryServer;
let stack: Stack;
let b: SecondApp;

type State = { _id: string; _rev: string; cursor: string | null; runs: number; lease?: unknown };

const GIVEN = [
	'An',
	'Bình',
	'Cường',
	'Dũng',
	'Em',
	'Giang',
	'Hải',
	'Khoa',
	'Lâm',
	'Minh',
	'Nam',
	'Phúc'
];

function household(index: number) {
	return {
		household_code: `LS-${index}`,
		group: '1',
		address: `${index} Đường Số 9`,
		members: [
			{
				citizen_id: `07908${String(index).padStart(7, '0')}`,
				full_name: `Phan Văn ${GIVEN[index - 1]}`,
				birth_date: '12/03/1980',
				sex: 'Nam',
				relation: 'Chủ hộ'
			}
		]
	};
}

const ENV = () => ({
	REGISTRY_LINK_URL: registry.url,
	REGISTRY_LINK_TOKEN: TOKEN,
	REGISTRY_LINK_INTERVAL_MINUTES: '0.01',
	REGISTRY_LINK_PAGE_SIZE: '1',
	REGISTRY_LINK_WARDS: WARD
});

async function state(): Promise<State | null> {
	return stack.couch.getDoc<State>(WARD_DATABASE, STATE_ID);
}

async function until(what: string, check: () => Promise<boolean>, boundMs = 60_000) {
	const deadline = Date.now() + boundMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
	registry = await startRegistryServer(TOKEN);
	for (let index = 1; index <= HOUSEHOLDS; index++) registry.publish(WARD, household(index));
	stack = await startStack({ households: 4 });
	// Both servers start the link together: their first rounds meet on the ward.
	[, b] = await Promise.all([stack.restartApp(ENV()), stack.startSecondApp(ENV())]);
}, 120_000);
afterAll(async () => {
	await stack?.stop();
	await registry?.stop();
});

describe('the registry link on two app servers', () => {
	it('reads each page of the feed once, and no run fails', async () => {
		const last = registry.lastCursor(WARD);
		await until('the feed read to its end, twice over', async () => {
			const current = await state();
			return current?.cursor === last && current.runs >= 4;
		});
		const pages = registry.requests.filter((request) => request.since !== last);
		const sinces = pages.map((request) => request.since);
		// Each page before the end, from the first (since=null), asked for by one server once.
		expect(sinces.length).toBe(HOUSEHOLDS);
		expect(new Set(sinces).size).toBe(HOUSEHOLDS);
		const logs = stack.appLog() + b.log();
		expect(logs).not.toContain('"registry.link_failed"');
		expect(logs).not.toMatch(/"registry\.link_run"[^\n]*"status":"failed"/);
		expect(logs).toContain('"registry.link_held_elsewhere"');
	});

	it('leaves a ward alone while another process holds it, and takes it once the claim lapses', async () => {
		let held: State | null = null;
		// The servers' rounds write the state too: the claim is taken between two of them.
		await until('a claim of the ward by a third process', async () => {
			const current = await state();
			if (!current) return false;
			const lease = {
				holder: 'another-host:1:dead',
				until: new Date(Date.now() + 3_000).toISOString()
			};
			try {
				await stack.couch.json(`${WARD_DATABASE}/${encodeURIComponent(STATE_ID)}`, {
					method: 'PUT',
					body: { ...current, lease }
				});
				held = current;
				return true;
			} catch {
				return false;
			}
		});
		const asked = registry.requests.length;
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		expect(registry.requests.length).toBe(asked);
		await until(
			'a run after the claim lapsed',
			async () => registry.requests.length > asked,
			20_000
		);
		await until('the run stored', async () => ((await state())?.runs ?? 0) > (held?.runs ?? 0));
	});
});
