// Erasing a household at its request, against the real gateway and PouchDB Server on disk (as
// `npm start` runs it): a collaborator's phone that was offline holds edits and new
// declarations of the household while ward staff erase it; when it comes back and pushes,
// nothing of the household is stored again, the phone drops its own copies, nothing stays
// refused or waiting, and a fresh declaration naming the household's ids is refused with a
// reason in both languages. PouchDB Server has no `_purge`: the database is read after
// compaction, old revisions included, for any field of the household. Who may ask and who may
// erase is checked too. Needs `npm run build` first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDeclaration, saveHousehold, savePerson } from '../../src/lib/db/record-writes';
import {
	erasureIdOf,
	newId,
	type AuditEntry,
	type Declaration,
	type Household,
	type Person
} from '../../src/lib/domain';
import { startDevice, until, type Device } from '../support/device';
import { startStack, type Stack } from '../support/stack';
import { householdToken, staffCookie, WARD_DATABASE } from '../support/ward';

let stack: Stack;
let phone: Device;

beforeAll(async () => {
	stack = await startStack({ households: 20, couchOnDisk: true });
	phone = await startDevice({
		appUrl: stack.appUrl,
		username: 'ctv-demo',
		deviceId: 'erasure-phone-0001',
		retry: { firstMs: 100, maxMs: 1_000 }
	});
	await phone.sync.awaitInSync();
}, 120_000);
afterAll(async () => {
	await phone?.stop();
	await stack?.stop();
});

type Leaf = { ok?: Record<string, unknown> & { _revisions?: { start: number; ids: string[] } } };

async function post(path: string, cookie: string, body: unknown): Promise<Response> {
	return fetch(`${stack.appUrl}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie, origin: stack.appUrl },
		body: JSON.stringify(body)
	});
}

async function claimCookie(household: string, headYear: string): Promise<string> {
	const token = await householdToken(stack, household, { issue: true });
	const response = await fetch(`${stack.appUrl}/api/claim`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: stack.appUrl },
		body: JSON.stringify({ token, answer: headYear, device_id: 'erasure-resident-01' })
	});
	expect(response.status).toBe(200);
	return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** Every revision CouchDB can still give of the id, each with its body. */
async function everyRevision(id: string): Promise<Record<string, unknown>[]> {
	const path = `${WARD_DATABASE}/${encodeURIComponent(id)}`;
	const leaves = await stack.couch
		.json<Leaf[]>(path, { query: { open_revs: 'all', revs: true } })
		.catch(() => [] as Leaf[]);
	const bodies: Record<string, unknown>[] = [];
	for (const leaf of leaves) {
		if (!leaf.ok) continue;
		bodies.push(leaf.ok);
		const { start, ids } = leaf.ok._revisions ?? { start: 0, ids: [] };
		for (const [index, hash] of ids.entries()) {
			const rev = `${start - index}-${hash}`;
			const old = await stack.couch
				.json<Record<string, unknown>>(path, { query: { rev } })
				.catch(() => null);
			if (old) bodies.push(old);
		}
	}
	return bodies;
}

const PERSONAL_FIELDS = [
	'health',
	'full_name',
	'birth_date',
	'citizen_id',
	'insurance_number',
	'phone',
	'address',
	'head_name',
	'relation',
	'audit',
	'edits'
];

describe('erasing a household', () => {
	let household: Household;
	let members: Person[];
	let offlineDeclarations: Declaration[];
	let headYear: string;

	it('lets only the household itself ask, and only for itself', async () => {
		// A household of two or more in the phone's group.
		const persons = (await phone.db.rx.persons.find().exec()).map((doc) => doc.toJSON() as Person);
		const head = persons.find(
			(person) =>
				person.relation === 'head' &&
				persons.filter((other) => other.household === person.household).length >= 2
		);
		if (!head) throw new Error('the phone holds no household of two or more');
		household = (
			await phone.db.rx.households.findOne(head.household).exec()
		)?.toJSON() as Household;
		headYear = head.birth_date.slice(0, 4);
		const resident = await claimCookie(household.id, headYear);
		// The household is the session's: a body naming another one changes nothing.
		const asked = await post('/api/erasure/request', resident, { household: 'household:x' });
		expect(asked.status).toBe(201);
		const again = await post('/api/erasure/request', resident, {});
		expect(again.status).toBe(200);

		const collaborator = await staffCookie(stack, 'ctv-demo');
		const refused = await post('/api/erasure/request', collaborator, {});
		expect(refused.status).toBe(403);
		expect((await refused.json()).reason).toContain(' / ');

		const staff = await staffCookie(stack);
		const list = await fetch(`${stack.appUrl}/api/erasure`, { headers: { cookie: staff } });
		expect(list.status).toBe(200);
		const { requests } = (await list.json()) as {
			requests: { household: string; state: string }[];
		};
		expect(requests).toEqual([expect.objectContaining({ household: household.id, state: 'open' })]);
		expect(
			(await fetch(`${stack.appUrl}/api/erasure`, { headers: { cookie: collaborator } })).status
		).toBe(403);
	});

	it('holds edits and new declarations on a phone that is offline', async () => {
		members = (
			await phone.db.rx.persons.find({ selector: { household: household.id } }).exec()
		).map((doc) => doc.toJSON() as Person);
		expect(members.length).toBeGreaterThanOrEqual(2);
		phone.goOffline();
		const edited = await saveHousehold(phone.db, {
			...household,
			head_name: household.head_name,
			phone: '0901234567'
		});
		expect(edited.ok).toBe(true);
		const member = members[0] as Person;
		const renamed = await savePerson(phone.db, { ...member, phone: '0907654321' });
		expect(renamed.ok).toBe(true);
		offlineDeclarations = [];
		for (const person of members) {
			const result = await addDeclaration(phone.db, {
				person: person.id,
				role: 'collaborator',
				channel: 'door_to_door',
				consent: { given_by: person.id, mode: 'oral', text_version: 0 },
				health: {
					height_cm: 160,
					weight_kg: 55,
					systolic: 128,
					diastolic: 84,
					notes: 'erasure-marker'
				}
			});
			if (!result.ok) throw new Error(JSON.stringify(result.problems));
			offlineDeclarations.push(result.record);
		}
	});

	it('refuses anyone but the ward staff of that ward', async () => {
		const collaborator = await staffCookie(stack, 'ctv-demo');
		const byCollaborator = await post('/api/erasure', collaborator, { household: household.id });
		expect(byCollaborator.status).toBe(403);
		const city = await staffCookie(stack, 'city-demo');
		expect((await post('/api/erasure', city, { household: household.id })).status).toBe(403);
		const stored = await stack.couch.getDoc<{ _deleted?: boolean }>(WARD_DATABASE, household.id);
		expect(stored?._deleted).toBeUndefined();
	});

	it('removes every revision of the household, its people and declarations from CouchDB', async () => {
		const staff = await staffCookie(stack);
		const started = performance.now();
		const answer = await post('/api/erasure', staff, { household: household.id });
		const ms = performance.now() - started;
		const failure = stack
			.appLog()
			.split('\n')
			.filter((line) => line.includes('erasure.failed'));
		expect(answer.status, failure.join('\n')).toBe(200);
		const result = (await answer.json()) as { records: number; method: string };
		console.log(`Erasure of ${result.records} records (${result.method}) took ${ms.toFixed(0)} ms`);
		expect(result.method).toBe('delete_compact');

		const erasure = await stack.couch.getDoc<{ records: string[]; _deleted?: boolean }>(
			WARD_DATABASE,
			erasureIdOf(household.id)
		);
		expect(erasure?._deleted).toBeUndefined();
		expect(erasure?.records.every((id) => !id.startsWith('erasure'))).toBe(true);
		expect(erasure?.records).toContain(household.id);
		for (const member of members) expect(erasure?.records).toContain(member.id);
		const erasureText = JSON.stringify(erasure);
		for (const field of PERSONAL_FIELDS) expect(erasureText).not.toContain(`"${field}"`);

		let revisions = 0;
		for (const id of erasure?.records ?? []) {
			for (const body of await everyRevision(id)) {
				revisions += 1;
				expect(body._deleted, id).toBe(true);
				for (const field of PERSONAL_FIELDS) expect(body[field], `${id} ${field}`).toBeUndefined();
			}
		}
		expect(revisions).toBeGreaterThanOrEqual(erasure?.records.length ?? 1);
		// Nor does any view still answer for it.
		const members_ = await stack.couch.json<{ rows: unknown[] }>(
			`${WARD_DATABASE}/_design/claim/_view/members_by_household`,
			{ query: { key: JSON.stringify(household.id) } }
		);
		expect(members_.rows).toEqual([]);
	});

	it('records the erasure in the audit trail, with ids only', async () => {
		let entry: AuditEntry | undefined;
		await until(async () => {
			const { rows } = await stack.couch.json<{ rows: { doc: AuditEntry }[] }>(
				'hssk_audit/_all_docs',
				{
					query: { include_docs: true, startkey: '"audit:26956:"', endkey: '"audit:26956:\ufff0"' }
				}
			);
			entry = rows.map((row) => row.doc).find((doc) => doc.action === 'erasure.carried_out');
			return entry !== undefined;
		}, 'the audit entry');
		expect(entry).toMatchObject({ actor: 'ward-demo', role: 'ward_staff', target: household.id });
		expect(entry?.records).toContain(household.id);
		const text = JSON.stringify(entry);
		expect(text).not.toContain(household.head_name);
		expect(text).not.toContain('erasure-marker');
		for (const member of members) expect(text).not.toContain(member.full_name);
	});

	it('stores nothing the offline phone pushes, and the phone drops its copies', async () => {
		phone.goOnline();
		const ids = [
			household.id,
			...members.map((m) => m.id),
			...offlineDeclarations.map((d) => d.id)
		];
		await until(
			async () => {
				const held = await Promise.all([
					phone.db.rx.households.findOne(household.id).exec(),
					phone.db.rx.persons.find({ selector: { household: household.id } }).exec(),
					phone.db.rx.declarations.find({ selector: { household: household.id } }).exec()
				]);
				return held[0] === null && held[1].length === 0 && held[2].length === 0;
			},
			'the phone to drop the household',
			30_000
		);
		await phone.sync.awaitInSync();
		// Given time to loop, it does not: nothing waits, nothing is refused.
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		const status = phone.sync.status.current;
		expect(status.waiting).toBe(0);
		expect(status.refused).toEqual([]);
		// Not even a deleted copy holding its fields stays in the phone's storage.
		for (const name of ['households', 'persons', 'declarations'] as const) {
			const collection = phone.db.rx[name];
			const stored = await collection.storageInstance.findDocumentsById(ids, true);
			expect(stored, name).toEqual([]);
		}
		// On the server: the tombstones and nothing else; no offline declaration arrived.
		for (const declaration of offlineDeclarations) {
			expect(await everyRevision(declaration.id)).toEqual([]);
		}
		for (const body of await everyRevision(household.id)) {
			expect(body.phone).toBeUndefined();
			expect(body._deleted).toBe(true);
		}
		expect(stack.appLog()).toContain('record.erased_refused');
	});

	it('refuses a fresh declaration and a new household under the erased ids, in both languages', async () => {
		const cookie = await staffCookie(stack, 'ctv-demo');
		const at = new Date().toISOString();
		const audit = {
			created_at: at,
			created_by: 'ctv-demo',
			updated_at: at,
			updated_by: 'ctv-demo',
			device_id: 'erasure-phone-0001'
		};
		const declaration = {
			_id: newId('declaration'),
			type: 'declaration',
			ward: '26956',
			group: household.group,
			person: (members[0] as Person).id,
			household: household.id,
			declared_at: at,
			declared_by: 'ctv-demo',
			role: 'collaborator',
			channel: 'door_to_door',
			health: { height_cm: 170 },
			consent: {
				text_version: 0,
				given_at: at,
				given_by: (members[0] as Person).id,
				mode: 'oral',
				recorded_by: 'ctv-demo',
				device_id: 'erasure-phone-0001'
			},
			audit
		};
		const reborn: Record<string, unknown> = { ...household, _id: household.id, audit };
		delete reborn.id;
		for (const isNewEdits of [true, false]) {
			const docs = isNewEdits
				? [declaration, reborn]
				: [
						{ ...declaration, _rev: '1-aaaa' },
						{ ...reborn, _rev: '9-bbbb' }
					];
			const response = await fetch(`${stack.appUrl}/db/${WARD_DATABASE}/_bulk_docs`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({ docs, new_edits: isNewEdits })
			});
			const rows = (await response.json()) as { id: string; error?: string; reason?: string }[];
			expect(rows).toHaveLength(2);
			for (const row of rows) {
				expect(row.error).toBe('forbidden');
				expect(row.reason).toContain('đã được xóa dữ liệu');
				expect(row.reason).toContain('was erased at its request');
			}
		}
		expect(await everyRevision(declaration._id)).toEqual([]);
		for (const body of await everyRevision(household.id)) expect(body._deleted).toBe(true);
		// The request is closed, and the household's phone no longer opens anything.
		const staff = await staffCookie(stack);
		const list = await fetch(`${stack.appUrl}/api/erasure`, { headers: { cookie: staff } });
		const { requests } = (await list.json()) as { requests: { state: string }[] };
		expect(requests.map((request) => request.state)).toEqual(['done']);
	});

	it('refuses a fresh declaration naming an erased member under another, live household', async () => {
		const cookie = await staffCookie(stack, 'ctv-demo');
		const { rows } = await stack.couch.json<{
			rows: { doc: { _id: string; type?: string; group?: string; household?: string } }[];
		}>(`${WARD_DATABASE}/_all_docs`, { query: { include_docs: true } });
		const live = rows
			.map((row) => row.doc)
			.find(
				(doc) =>
					doc.type === 'person' && doc.group === household.group && doc.household !== household.id
			);
		if (!live?.household) throw new Error('no other household in the group');
		const at = new Date().toISOString();
		const about = (person: string) => ({
			_id: newId('declaration'),
			type: 'declaration',
			ward: '26956',
			group: household.group,
			person,
			household: live.household,
			declared_at: at,
			declared_by: 'ctv-demo',
			role: 'collaborator',
			channel: 'door_to_door',
			health: { weight_kg: 64 },
			consent: {
				text_version: 0,
				given_at: at,
				given_by: live._id,
				mode: 'oral',
				recorded_by: 'ctv-demo',
				device_id: 'erasure-phone-0001'
			},
			audit: {
				created_at: at,
				created_by: 'ctv-demo',
				updated_at: at,
				updated_by: 'ctv-demo',
				device_id: 'erasure-phone-0001'
			}
		});
		const erasedMember = about((members[0] as Person).id);
		const livingMember = about(live._id);
		const response = await fetch(`${stack.appUrl}/db/${WARD_DATABASE}/_bulk_docs`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie },
			body: JSON.stringify({ docs: [erasedMember, livingMember] })
		});
		const [refused, stored] = (await response.json()) as {
			ok?: boolean;
			error?: string;
			reason?: string;
			erased_household?: string;
		}[];
		expect(refused.error).toBe('forbidden');
		expect(refused.reason).toContain('was erased at its request');
		expect(refused.erased_household).toBe(household.id);
		expect(stored.ok).toBe(true);
		expect(await everyRevision(erasedMember._id)).toEqual([]);
	});
});
