// Declarations are append-only through the gateway: the same declaration pushed twice is
// stored once, at one revision; a push whose answer was lost and is retried by the phone
// leaves one document and the phone with the server's stamp; a correction is a declaration
// of its own that names the one it corrects, which stays as it was. CouchDB is read directly
// as the admin. Needs `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDeclaration } from '../../src/lib/db/record-writes';
import { newId, type Declaration } from '../../src/lib/domain';
import { countArrivals, declareMany } from '../support/arrivals';
import { signIn, startDevice, until, type Device } from '../support/device';
import {
	PASS_THROUGH,
	startFaultProxy,
	type FaultPlan,
	type FaultProxy
} from '../support/fault-proxy';
import { startStack, type Stack } from '../support/stack';

const WARD_DATABASE = 'ward_26956';
const GROUP = '26956-01';
const DEVICE_ID = 'append-only-device';

let stack: Stack;
let proxy: FaultProxy;
let phone: Device;

type Stored = Declaration & { _id: string; _rev: string };
type WriteRow = { id: string; ok?: boolean; rev?: string; error?: string; reason?: string };

beforeAll(async () => {
	stack = await startStack({ households: 30 });
	proxy = await startFaultProxy(stack.appUrl);
	phone = await startDevice({
		appUrl: stack.appUrl,
		syncOrigin: proxy.url,
		username: 'ctv-demo',
		deviceId: 'append-only-phone',
		retry: { firstMs: 100, maxMs: 1_000 }
	});
	await phone.sync.awaitInSync();
});
afterAll(async () => {
	await phone?.stop();
	await proxy?.close();
	await stack?.stop();
});

async function revisionsOf(id: string): Promise<string[]> {
	const doc = await stack.couch.json<{ _revisions: { start: number; ids: string[] } }>(
		`${WARD_DATABASE}/${encodeURIComponent(id)}`,
		{ query: { revs: true } }
	);
	return doc._revisions.ids.map((hash, index) => `${doc._revisions.start - index}-${hash}`);
}

async function declarationsOnServer(): Promise<Stored[]> {
	const { rows } = await stack.couch.json<{ rows: { doc?: Stored }[] }>(
		`${WARD_DATABASE}/_all_docs`,
		{
			query: { include_docs: true, startkey: '"declaration:"', endkey: '"declaration:\ufff0"' }
		}
	);
	return rows.flatMap((row) => (row.doc ? [row.doc] : []));
}

describe('declarations through the gateway are append-only', () => {
	it('stores the same declaration pushed twice once, at one revision', async () => {
		const { cookie } = await signIn(stack.appUrl, 'ctv-demo', DEVICE_ID);
		const person = (
			await phone.db.rx.persons.findOne({ selector: { group: GROUP } }).exec()
		)?.toJSON();
		if (!person) throw new Error('no person in the group');
		const at = new Date().toISOString();
		const declaration = {
			_id: newId('declaration'),
			type: 'declaration',
			ward: '26956',
			group: GROUP,
			person: person.id,
			household: person.household,
			declared_at: at,
			declared_by: 'ctv-demo',
			role: 'collaborator',
			channel: 'door_to_door',
			health: { systolic: 121, diastolic: 79 },
			consent: {
				text_version: 0,
				given_at: at,
				given_by: person.id,
				mode: 'oral',
				recorded_by: 'ctv-demo',
				device_id: DEVICE_ID
			},
			audit: {
				created_at: at,
				created_by: 'ctv-demo',
				updated_at: at,
				updated_by: 'ctv-demo',
				device_id: DEVICE_ID
			}
		};
		const push = async (): Promise<WriteRow[]> => {
			const response = await fetch(`${stack.appUrl}/db/${WARD_DATABASE}/_bulk_docs`, {
				method: 'POST',
				headers: { cookie, 'content-type': 'application/json' },
				body: JSON.stringify({ docs: [declaration] })
			});
			expect(response.status).toBe(201);
			return (await response.json()) as WriteRow[];
		};
		const before = (await declarationsOnServer()).length;

		const [first] = await push();
		const [second] = await push();
		expect(first).toMatchObject({ ok: true, id: declaration._id });
		// CouchDB's answer for a document that exists: a retrying client takes the stored copy.
		expect(second).toMatchObject({
			id: declaration._id,
			error: 'conflict',
			reason: expect.stringContaining('already on the server')
		});
		expect(stack.appLog()).toContain(`"event":"record.resent"`);

		const after = await declarationsOnServer();
		expect(after.length).toBe(before + 1);
		expect(await revisionsOf(declaration._id)).toEqual([first.rev]);
	});

	it('keeps one document when the phone retries a push whose answer was lost', async () => {
		let cutOnce = false;
		const cutFirstBulkDocs: FaultPlan = (request) => {
			if (
				!cutOnce &&
				request.url.includes('/_bulk_docs') &&
				request.body.includes('declaration:')
			) {
				cutOnce = true;
				return { answer: 'cut' };
			}
			return { answer: 'pass' };
		};
		phone.goOffline();
		const sent = await declareMany(phone.db, 5, 'append-only/lost-answer');
		proxy.setPlan(cutFirstBulkDocs);
		phone.goOnline();
		await until(() => phone.sync.status.current.waiting === 0, 'nothing waiting on the phone');
		// Long enough for a second push of the same declarations, if one were coming.
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		proxy.setPlan(PASS_THROUGH);

		expect(cutOnce).toBe(true);
		expect(await countArrivals(stack.couch, WARD_DATABASE, sent)).toMatchObject({
			arrived: 5,
			duplicates: 0,
			lost: 0,
			unstamped: 0
		});
		for (const declaration of sent) {
			expect((await revisionsOf(declaration.id)).length).toBe(1);
		}
		expect(phone.sync.status.current).toMatchObject({ waiting: 0, refused: [], conflicts: 0 });
		const refusals = stack
			.appLog()
			.split('\n')
			.filter((line) => line.includes('record.refused'));
		for (const declaration of sent) expect(refusals.join('\n')).not.toContain(declaration.id);
	});

	it('stores a correction as its own declaration and leaves the corrected one as it was', async () => {
		const [original] = await declareMany(phone.db, 1, 'append-only/original');
		await until(
			async () => (await phone.db.rx.declarations.findOne(original.id).exec())?.stamp !== undefined,
			'the original stamped'
		);
		const storedOriginal = await stack.couch.getDoc<Stored>(WARD_DATABASE, original.id);
		const corrected = await addDeclaration(phone.db, {
			person: original.person,
			role: 'collaborator',
			channel: 'door_to_door',
			consent: { given_by: original.person, mode: 'oral', text_version: 0 },
			corrects: original.id,
			health: { ...original.health, systolic: 135, notes: 'append-only/correction' }
		});
		if (!corrected.ok) throw new Error(JSON.stringify(corrected.problems));
		await until(() => phone.sync.status.current.waiting === 0, 'the correction sent');

		const correction = await stack.couch.getDoc<Stored>(WARD_DATABASE, corrected.record.id);
		expect(correction).toMatchObject({ corrects: original.id, health: { systolic: 135 } });
		expect(correction?._rev).toMatch(/^1-/);
		expect(await stack.couch.getDoc<Stored>(WARD_DATABASE, original.id)).toEqual(storedOriginal);
		expect(await revisionsOf(original.id)).toEqual([storedOriginal?._rev]);
	});
});
