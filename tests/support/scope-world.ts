// The world the scope tests try every role against: the demo ward (A, Phường 27 of Bình
// Thạnh), a second ward in another district (B, Thạnh Xuân of Quận 12) and a ward in another
// city (C, Ba Đình of Hà Nội), each holding records marked with a string of their own, so an
// answer that carries any part of a record the caller must not see can be found by text.

import { randomBytes } from 'node:crypto';
import { demoUserDoc } from '../../couch/seed/accounts';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { wardDesignDocs } from '../../couch/design/documents';
import { deviceStatusId, newId, type RecordType } from '../../src/lib/domain';
import type { CouchClient } from '../../src/lib/server/couch/client';
import { importOrgUnits } from '../../src/lib/server/org/import';
import { wardProvisioner } from '../../src/lib/server/org/ward-provisioner';
import { csvBytes } from './org';
import { seedSecondWard, SECOND_COLLABORATOR, SECOND_WARD } from './second-ward';

export const WARD_A = '26956';
export const WARD_B = SECOND_WARD;
export const WARD_C = '00004';
export const DISTRICT_SUPERVISOR = 'district-binh-thanh';

const OTHER_CITY =
	'code,level,name,parent\n' +
	'01,city,Thành phố Hà Nội,\n' +
	'00004,ward,Phường Ba Đình,01\n' +
	'00004-01,group,Tổ dân phố 1,00004\n';

/** A record as stored, with the marker that only it carries. */
export type MarkedDoc = {
	id: string;
	database: string;
	rev: string;
	marker: string;
	body: Record<string, unknown>;
};

export type ScopeWorld = {
	/** The resident's own household, and the other one of the same group. */
	a: {
		h1: MarkedDoc;
		h1Person: MarkedDoc;
		h2: MarkedDoc;
		h2Person: MarkedDoc;
		/** A household, person and declaration of group 02. */
		g2: MarkedDoc;
		g2Person: MarkedDoc;
		g2Declaration: MarkedDoc;
		/** The device status of ctv-demo-2. */
		otherStatus: MarkedDoc;
		/** A stray record in ward A's database that names ward B. */
		foreign: MarkedDoc;
	};
	b: { household: MarkedDoc; person: MarkedDoc; foreign: MarkedDoc };
	c: { household: MarkedDoc; foreign: MarkedDoc };
	/** The ward B household that has a live QR code. */
	bQrHousehold: string;
	/** ctv-demo-2's replication checkpoint in ward A, as the gateway stores it. */
	otherCheckpoint: { database: string; id: string; rev: string; marker: string };
	all(): MarkedDoc[];
};

function marker(): string {
	return `MARK${randomBytes(6).toString('hex')}`;
}

function audit(by: string) {
	const now = new Date().toISOString();
	return {
		created_at: now,
		created_by: by,
		updated_at: now,
		updated_by: by,
		device_id: 'scope-world-device'
	};
}

function household(ward: string, group: string, mark: string) {
	return {
		_id: newId('household'),
		type: 'household',
		ward,
		group,
		address: { house_number: '12', street: `Hẻm ${mark}` },
		head_name: 'Trương Văn Lộc',
		audit: audit('ward-demo')
	};
}

function person(ward: string, group: string, householdId: string, mark: string) {
	return {
		_id: newId('person'),
		type: 'person',
		ward,
		group,
		household: householdId,
		full_name: 'Trương Thị Hạnh',
		birth_date: '1980',
		sex: 'female',
		relation: 'head',
		notes: mark,
		audit: audit('ward-demo')
	};
}

function declaration(ward: string, group: string, householdId: string, personId: string) {
	return {
		_id: newId('declaration'),
		type: 'declaration',
		ward,
		group,
		household: householdId,
		person: personId,
		declared_at: new Date().toISOString(),
		role: 'collaborator',
		channel: 'door_to_door',
		by: 'ctv-demo-2',
		health: { height_cm: 160, weight_kg: 55 },
		consent: {
			text_version: 0,
			given_at: '2026-01-01T00:00:00.000Z',
			given_by: personId,
			mode: 'oral',
			recorded_by: 'ctv-demo-2',
			device_id: 'scope-phone-0001'
		}
	};
}

async function put(
	client: CouchClient,
	database: string,
	body: Record<string, unknown>,
	mark: string
): Promise<MarkedDoc> {
	const id = String(body._id);
	const text = JSON.stringify(body);
	// A record with no marker of its own (a declaration) carries one in a field of its own.
	const marked = text.includes(mark) ? body : { ...body, notes: mark };
	const { rev } = await client.json<{ rev: string }>(`${database}/${encodeURIComponent(id)}`, {
		method: 'PUT',
		body: marked
	});
	return { id, database, rev, marker: mark, body: marked };
}

async function placed(
	client: CouchClient,
	database: string,
	make: (mark: string) => Record<string, unknown>
): Promise<MarkedDoc> {
	const mark = marker();
	return put(client, database, make(mark), mark);
}

export function recordTypeOfDoc(doc: MarkedDoc): RecordType {
	return String(doc.body.type) as RecordType;
}

export async function buildScopeWorld(client: CouchClient): Promise<ScopeWorld> {
	const second = await seedSecondWard(client, { skip: 30, households: 4 });
	const report = await importOrgUnits(client, csvBytes(OTHER_CITY), {
		dryRun: false,
		wards: wardProvisioner(client, wardDesignDocs())
	});
	if (!report.ok) throw new Error(JSON.stringify(report.problems));
	await client.json(`hssk_users/user:${DISTRICT_SUPERVISOR}`, {
		method: 'PUT',
		body: await demoUserDoc(
			{
				username: DISTRICT_SUPERVISOR,
				display_name: 'Phòng Y tế Bình Thạnh',
				role: 'district_supervisor',
				org_units: ['765']
			},
			DEMO_PASSWORD
		)
	});

	const dbA = `ward_${WARD_A}`;
	const dbB = `ward_${WARD_B}`;
	const dbC = `ward_${WARD_C}`;
	const h1 = await placed(client, dbA, (m) => household(WARD_A, '26956-01', m));
	const h1Person = await placed(client, dbA, (m) => person(WARD_A, '26956-01', h1.id, m));
	const h2 = await placed(client, dbA, (m) => household(WARD_A, '26956-01', m));
	const h2Person = await placed(client, dbA, (m) => person(WARD_A, '26956-01', h2.id, m));
	const g2 = await placed(client, dbA, (m) => household(WARD_A, '26956-02', m));
	const g2Person = await placed(client, dbA, (m) => person(WARD_A, '26956-02', g2.id, m));
	const g2Declaration = await placed(client, dbA, () =>
		declaration(WARD_A, '26956-02', g2.id, g2Person.id)
	);
	const otherStatus = await placed(client, dbA, (m) => ({
		_id: deviceStatusId('phone-of-ctv-demo-2', 'ctv-demo-2'),
		type: 'device_status',
		ward: WARD_A,
		device_id: 'phone-of-ctv-demo-2',
		user: 'ctv-demo-2',
		app_version: m,
		waiting: 3,
		updated_at: new Date().toISOString()
	}));
	const foreignA = await placed(client, dbA, (m) => household(WARD_B, '26734-01', m));
	const bHousehold = await placed(client, dbB, (m) => household(WARD_B, '26734-01', m));
	const bPerson = await placed(client, dbB, (m) => person(WARD_B, '26734-01', bHousehold.id, m));
	const foreignB = await placed(client, dbB, (m) => household(WARD_A, '26956-01', m));
	const cHousehold = await placed(client, dbC, (m) => household(WARD_C, '00004-01', m));
	const foreignC = await placed(client, dbC, (m) => household(WARD_A, '26956-01', m));

	const checkpointMark = marker();
	const checkpointId = '_local/ctv-demo-2:scope-checkpoint';
	const checkpoint = await client.json<{ rev: string }>(`${dbA}/${checkpointId}`, {
		method: 'PUT',
		body: { last_seq: checkpointMark }
	});

	const world: ScopeWorld = {
		a: {
			h1,
			h1Person,
			h2,
			h2Person,
			g2,
			g2Person,
			g2Declaration,
			otherStatus,
			foreign: foreignA
		},
		b: { household: bHousehold, person: bPerson, foreign: foreignB },
		c: { household: cHousehold, foreign: foreignC },
		bQrHousehold: second.household,
		otherCheckpoint: {
			database: dbA,
			id: checkpointId,
			rev: checkpoint.rev,
			marker: checkpointMark
		},
		all: () => [...Object.values(world.a), ...Object.values(world.b), ...Object.values(world.c)]
	};
	return world;
}

/** The second ward's collaborator, whom ward A's staff must not reach. */
export const OTHER_WARD_COLLABORATOR = SECOND_COLLABORATOR;
