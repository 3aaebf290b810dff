// The filtered feed against a real CouchDB-compatible server (the embedded PouchDB Server):
// pages by record type through the scope filter, one shared reading for a device's types, and
// the gateway's own check on every row whatever the filter let through.

import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDesignDoc } from '../../../../couch/provision';
import { GATEWAY_DESIGN, wardDesignDocs } from '../../../../couch/design/documents';
import { startTestCouch, type TestCouch } from '$lib/db/testing';
import type { RecordType } from '$lib/domain';
import { CouchClient, type CouchRequest } from '../couch/client';
import { setLogSink } from '../log';
import { scanChanges, type ChangesPage } from './changes-feed';
import type { ChangesQuery, Seq } from './changes-query';
import type { GatewayContext } from './context';
import { PlacementResolver } from './placement';
import type { Scope } from './scope';

const WARD = '26956';
const GROUP = '26956-01';
const OTHER_GROUP = '26956-02';
const DATABASE = 'ward_26956';
const TYPES: RecordType[] = ['household', 'person', 'declaration'];

/** Sends through the admin client, noting every request. */
class CountingClient extends CouchClient {
	readonly sent: { path: string; query: CouchRequest['query'] }[] = [];

	constructor(readonly inner: CouchClient) {
		super({ url: inner.url, user: '', password: '' });
	}

	override request(path: string, init: CouchRequest = {}): Promise<Response> {
		this.sent.push({ path, query: init.query });
		return this.inner.request(path, init);
	}
}

let server: TestCouch;
let admin: CouchClient;
const made: Record<string, { id: string; type: RecordType; group: string }[]> = {};

type StoredDoc = { _id: string; _rev: string } & Record<string, unknown>;

async function write(database: string, docs: object[]): Promise<{ id: string; rev: string }[]> {
	return admin.json(`${database}/_bulk_docs`, { method: 'POST', body: { docs } });
}

/** Records of both groups and every type, interleaved as a ward's feed is. */
async function seedWard(database: string): Promise<void> {
	const docs = [];
	for (let n = 0; n < 40; n++) {
		const type = TYPES[n % 3];
		const group = n % 4 === 0 ? OTHER_GROUP : GROUP;
		docs.push({ _id: `${type}:${database}-${n}`, type, ward: WARD, group, note: 'first' });
	}
	await write(database, docs);
	made[database] = docs.map((doc) => ({ id: doc._id, type: doc.type, group: doc.group }));
}

function idsOf(database: string, type: RecordType, group = GROUP): string[] {
	return made[database].filter((doc) => doc.type === type && doc.group === group).map((d) => d.id);
}

function contextFor(client: CouchClient, database: string, user: string, groups: string[]) {
	const scope: Scope = {
		user,
		database,
		ward: WARD,
		groups: new Set(groups),
		isReadOnly: false,
		readsAllDeviceStatuses: false
	};
	// scanChanges reads nothing of the request itself: its query comes parsed.
	const context: GatewayContext = {
		event: {} as RequestEvent,
		client,
		scope,
		placements: new PlacementResolver(client, database),
		caller: {
			user: {
				username: user,
				display_name: user,
				role: 'collaborator',
				org_units: groups,
				ward: null,
				groups: []
			},
			via: 'session'
		},
		isCallerSignedIn: () => Promise.resolve(true)
	};
	return context;
}

function query(type: RecordType | undefined, limit: number | undefined): ChangesQuery {
	return {
		since: 0,
		limit,
		type,
		includeDocs: true,
		style: 'all_docs',
		conflicts: false,
		isLongpoll: false,
		timeoutMs: 0
	};
}

/** Pages as a replication client reads them: until a page comes back short. */
async function pull(context: GatewayContext, asked: ChangesQuery, since: Seq = 0) {
	const pages: ChangesPage[] = [];
	let cursor = since;
	for (;;) {
		const page = await scanChanges(context, asked, cursor);
		pages.push(page);
		cursor = page.last_seq;
		if (asked.limit === undefined || page.results.length < asked.limit) break;
	}
	return { pages, ids: pages.flatMap((page) => page.results.map((row) => row.id)), last: cursor };
}

beforeAll(async () => {
	server = await startTestCouch(DATABASE);
	admin = server.couch;
	for (const design of wardDesignDocs()) await installDesignDoc(admin, DATABASE, design);
	await seedWard(DATABASE);
	await admin.json('trusting', { method: 'PUT' });
	await installDesignDoc(admin, 'trusting', {
		_id: `_design/${GATEWAY_DESIGN}`,
		language: 'javascript',
		views: {},
		filters: { scope: 'function () { return true; }' }
	});
	await seedWard('trusting');
	await admin.json('unfiltered', { method: 'PUT' });
	await seedWard('unfiltered');
});
afterAll(async () => {
	await server?.stop();
});

describe('the filtered feed', () => {
	it("pages each record type of the caller's group, full pages while more exist", async () => {
		const client = new CountingClient(server.couch);
		const context = contextFor(client, DATABASE, 'ctv-paging', [GROUP]);
		const pulls = await Promise.all(TYPES.map((type) => pull(context, query(type, 3))));
		pulls.forEach((pulled, index) => {
			expect(pulled.ids).toEqual(idsOf(DATABASE, TYPES[index]));
			const sizes = pulled.pages.map((page) => page.results.length);
			expect(sizes.slice(0, -1).every((size) => size === 3)).toBe(true);
			expect(sizes.at(-1)).toBeLessThan(3);
		});
		const feedReads = client.sent.filter((sent) => sent.path.endsWith('/_changes'));
		expect(feedReads.every((sent) => sent.query?.filter === 'gateway/scope')).toBe(true);
		// The three types were served from one reading of the scope, not one scan each.
		expect(feedReads.filter((sent) => sent.query?.type === undefined)).toHaveLength(1);
	});

	it('gives a pull without a type every record of the group, in one pass', async () => {
		const context = contextFor(server.couch, DATABASE, 'ctv-all', [GROUP]);
		const pulled = await pull(context, query(undefined, 4));
		const expected = made[DATABASE].filter((doc) => doc.group === GROUP).map((doc) => doc.id);
		expect(pulled.ids).toEqual(expected);
	});

	it('delivers what changed after the reading, each record once in its latest revision', async () => {
		const context = contextFor(server.couch, DATABASE, 'ctv-changes', [GROUP]);
		const first = await scanChanges(context, query('household', 2), 0);
		const households = idsOf(DATABASE, 'household');
		expect(first.results.map((row) => row.id)).toEqual(households.slice(0, 2));

		const changed = await admin.json<StoredDoc>(`${DATABASE}/${households[3]}`);
		const [update] = await write(DATABASE, [{ ...changed, note: 'second' }]);
		const added = `household:${DATABASE}-added`;
		await write(DATABASE, [{ _id: added, type: 'household', ward: WARD, group: GROUP }]);

		const rest = await pull(context, query('household', 100), first.last_seq);
		expect([...rest.ids].sort()).toEqual([...households.slice(2), added].sort());
		const rows = rest.pages.flatMap((page) => page.results);
		const latest = rows.find((row) => row.id === households[3]);
		expect(latest?.doc).toMatchObject({ _rev: update.rev, note: 'second' });
		made[DATABASE].push({ id: added, type: 'household', group: GROUP });
	});

	it('places a bare deletion by the revision before it, for its own group only', async () => {
		const { update_seq: since } = await admin.json<{ update_seq: Seq }>(DATABASE);
		const theirs = idsOf(DATABASE, 'person', OTHER_GROUP)[0];
		const doc = await admin.json<StoredDoc>(`${DATABASE}/${theirs}`);
		await write(DATABASE, [{ _id: theirs, _rev: doc._rev, _deleted: true }]);

		const owner = contextFor(server.couch, DATABASE, 'ctv-owner', [OTHER_GROUP]);
		const seen = await pull(owner, query('person', 10), since);
		expect(seen.pages[0].results).toEqual([expect.objectContaining({ id: theirs, deleted: true })]);
		const other = contextFor(server.couch, DATABASE, 'ctv-other', [GROUP]);
		expect((await pull(other, query('person', 10), since)).ids).toEqual([]);
	});

	it('answers since=now with nothing, and a last_seq the next change comes after', async () => {
		const context = contextFor(server.couch, DATABASE, 'ctv-now', [GROUP]);
		const now = await scanChanges(context, query('declaration', 10), 'now');
		expect(now.results).toEqual([]);
		const added = `declaration:${DATABASE}-late`;
		await write(DATABASE, [{ _id: added, type: 'declaration', ward: WARD, group: GROUP }]);
		const next = await scanChanges(context, query('declaration', 10), now.last_seq);
		expect(next.results.map((row) => row.id)).toEqual([added]);
	});
});

describe('the gateway, whatever upstream sends', () => {
	it('hides other groups even when the filter lets everything through', async () => {
		const context = contextFor(server.couch, 'trusting', 'ctv-trusting', [GROUP]);
		for (const type of TYPES) {
			expect((await pull(context, query(type, 3))).ids).toEqual(idsOf('trusting', type));
		}
	});

	it('reads the whole feed when the ward has no filter yet, and says so once', async () => {
		const lines: string[] = [];
		const previous = setLogSink((line) => lines.push(line));
		try {
			const context = contextFor(server.couch, 'unfiltered', 'ctv-unfiltered', [GROUP]);
			for (const type of TYPES) {
				expect((await pull(context, query(type, 3))).ids).toEqual(idsOf('unfiltered', type));
			}
		} finally {
			setLogSink(previous);
		}
		const warnings = lines.filter((line) => line.includes('gateway.scope_filter_missing'));
		expect(warnings).toHaveLength(1);
	});
});
