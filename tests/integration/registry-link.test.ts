// The live link with a population registry that publishes its changes: the app server, told
// where the feed is, reads it on its schedule a page at a time from a small registry server
// this test starts on 127.0.0.1; it writes the households as the import would (a bad row is
// skipped and reported, the rest goes on), stores its cursor in CouchDB and resumes from it,
// also after a restart; a registry that is down fails the run and loses nothing; the last run
// is on the supervisors' dashboard for the ward. Needs `npm run build`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../src/lib/domain';
import { registryHouseholdId } from '../../src/lib/server/registry/keys';
import { startRegistryServer, type RegistryServer } from '../support/registry-server';
import { startStack, type Stack } from '../support/stack';
import { staffCookie, WARD_DATABASE, wardDocs } from '../support/ward';

const WARD = '26956';
const TOKEN = 'registry-test-token';

let registry: RegistryServer;
let stack: Stack;
let supervisor: string;

function household(code: string, head: string, citizenId: string, address = '1 Đường Số 1') {
	return {
		household_code: code,
		group: '1',
		address,
		members: [
			{
				citizen_id: citizenId,
				full_name: head,
				birth_date: '12/03/1980',
				sex: 'Nam',
				relation: 'Chủ hộ'
			},
			{ full_name: `${head.split(' ')[0]} Thị Hoa`, birth_date: '1985', sex: 'Nữ', relation: 'Vợ' }
		]
	};
}

async function status(cookie = supervisor): Promise<{ code: number; body: LinkStatus }> {
	const response = await fetch(`${stack.appUrl}/api/registry/link?unit=${WARD}`, {
		headers: { cookie }
	});
	return { code: response.status, body: (await response.json()) as LinkStatus };
}

/** Waits until the link has finished a run after `since` (ISO time). */
async function runAfter(since: string): Promise<NonNullable<LinkStatus['last_run']>> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		const { body } = await status();
		if (body.last_run && body.last_run.started_at > since) return body.last_run;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`no run of the registry link after ${since}`);
}

async function storedCursor(): Promise<string | null> {
	const doc = await stack.couch.getDoc<{ cursor: string | null }>(
		WARD_DATABASE,
		`registry_link:${WARD}`
	);
	return doc?.cursor ?? null;
}

const ENV = () => ({
	REGISTRY_LINK_URL: registry.url,
	REGISTRY_LINK_TOKEN: TOKEN,
	REGISTRY_LINK_INTERVAL_MINUTES: '0.02',
	REGISTRY_LINK_PAGE_SIZE: '2',
	REGISTRY_LINK_WARDS: WARD
});

beforeAll(async () => {
	registry = await startRegistryServer(TOKEN);
	registry.publish(WARD, household('LK-1', 'Phan Văn Tài', '079080001111'));
	registry.publish(WARD, household('LK-2', 'Hồ Văn Lộc', '079080002222'));
	registry.publish(WARD, household('LK-3', 'Mai Văn Phú', '07908000333'));
	registry.publish(WARD, household('LK-4', 'Lý Văn Quý', '079080004444'));
	registry.publish(WARD, household('LK-5', 'Tạ Văn Vinh', '079080005555'));
	const started = new Date().toISOString();
	stack = await startStack({ households: 4, appEnv: ENV() });
	supervisor = await staffCookie(stack, 'city-demo');
	await runAfter(started);
});
afterAll(async () => {
	await stack?.stop();
	await registry?.stop();
});

describe('the registry link', () => {
	it('reads the whole feed a page at a time, with the token, and writes the good rows', async () => {
		const { body } = await status();
		expect(body).toMatchObject({
			ward: WARD,
			enabled: true,
			interval_minutes: 0.02,
			source: registry.url
		});
		expect(body.last_run).toMatchObject({
			status: 'ok',
			pages: 3,
			rows: 5,
			households_created: 4,
			persons_created: 8,
			errors: 1
		});
		expect(body.last_run?.problems).toEqual([
			expect.objectContaining({ cursor: 'seq-000002', row: 1, key: 'registry.cccd_format' })
		]);
		const firstRun = registry.requests.slice(0, 3);
		expect(firstRun.map((request) => [request.since, request.limit, request.authorized])).toEqual([
			[null, 2, true],
			['seq-000002', 2, true],
			['seq-000004', 2, true]
		]);
		const docs = await wardDocs(stack);
		expect(docs.find((doc) => doc._id === registryHouseholdId(WARD, 'LK-1'))).toMatchObject({
			head_name: 'Phan Văn Tài',
			address: { house_number: '1', street: 'Đường Số 1' }
		});
		expect(docs.some((doc) => doc.full_name === 'Mai Văn Phú')).toBe(false);
		expect(await storedCursor()).toBe('seq-000005');
	});

	it('resumes from its cursor: the next runs read only what is new', async () => {
		const before = registry.requests.length;
		const since = new Date().toISOString();
		registry.publish(WARD, household('LK-1', 'Phan Văn Tài', '079080001111', '3 Đường Số 1'));
		registry.publish(WARD, household('LK-6', 'Đinh Văn Sang', '079080006666'));
		let run = await runAfter(since);
		// A run may have begun before both were published: wait for the one that saw the update.
		while (run.households_updated === 0) run = await runAfter(run.started_at);
		expect(run).toMatchObject({ status: 'ok', errors: 0 });
		const asked = registry.requests.slice(before).map((request) => request.since);
		expect(asked.every((cursor) => cursor !== null && cursor >= 'seq-000005')).toBe(true);
		const docs = await wardDocs(stack);
		expect(docs.find((doc) => doc._id === registryHouseholdId(WARD, 'LK-1'))?.address).toEqual({
			house_number: '3',
			street: 'Đường Số 1'
		});
		expect(docs.some((doc) => doc.full_name === 'Đinh Văn Sang')).toBe(true);
		expect(await storedCursor()).toBe('seq-000007');
	});

	it('fails a run while the registry is down, and loses nothing', async () => {
		registry.setDown(true);
		const failed = await runAfter(new Date().toISOString());
		expect(failed).toMatchObject({ status: 'failed', rows: 0 });
		expect(failed.message).toContain('HTTP 503');
		expect(await storedCursor()).toBe('seq-000007');
		registry.publish(WARD, household('LK-7', 'Kiều Văn Toàn', '079080007777'));
		registry.setDown(false);
		let run = await runAfter(failed.started_at);
		while (run.persons_created === 0) run = await runAfter(run.started_at);
		expect(run.status).toBe('ok');
		expect(await storedCursor()).toBe('seq-000008');
	});

	it('resumes from the cursor kept in CouchDB after a restart', async () => {
		const before = registry.requests.length;
		const since = new Date().toISOString();
		await stack.restartApp(ENV());
		supervisor = await staffCookie(stack, 'city-demo');
		await runAfter(since);
		expect(registry.requests[before].since).toBe('seq-000008');
	});

	it('is shown to those who watch the ward, and no one else', async () => {
		expect((await status(await staffCookie(stack, 'ward-demo'))).code).toBe(200);
		expect((await status(await staffCookie(stack, 'ctv-demo'))).code).toBe(403);
	});
});
