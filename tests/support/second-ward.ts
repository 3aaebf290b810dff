// A second ward in a second district for the merge tests: Phường Thạnh Xuân (26734) of
// Quận 12 (761), with three groups, households taken from the demo generator past the ones
// the stack seeded and placed in this ward, a device status, two deletions, three accounts
// and a household's QR code.

import { demoUserDoc } from '../../couch/seed/accounts';
import { DEMO_PASSWORD } from '../../couch/seed/demo';
import { demoWard, toCouchDoc, validated } from '../../couch/seed/seed-demo';
import { wardDesignDocs } from '../../couch/design/documents';
import { deviceStatusId, type DeviceStatus, type WardRecord } from '../../src/lib/domain';
import type { CouchClient } from '../../src/lib/server/couch/client';
import { importOrgUnits } from '../../src/lib/server/org/import';
import { wardProvisioner } from '../../src/lib/server/org/ward-provisioner';
import { QrStore } from '../../src/lib/server/qr/qr-store';
import { csvBytes } from './org';

export const SECOND_WARD = '26734';
export const SECOND_GROUPS = ['26734-01', '26734-02', '26734-03'];
export const SECOND_COLLABORATOR = 'ctv-thanh-xuan';
export const SECOND_STAFF = 'ward-thanh-xuan';
export const SECOND_RESIDENT = 'r-000000000000000000000001';

const UNITS =
	'code,level,name,parent\n' +
	'761,district,Quận 12,79\n' +
	'26734,ward,Phường Thạnh Xuân,761\n' +
	'26734-01,group,Tổ dân phố 1,26734\n' +
	'26734-02,group,Tổ dân phố 2,26734\n' +
	'26734-03,group,Tổ dân phố 3,26734\n';

function placed<T extends WardRecord>(record: T): T {
	const group = 'group' in record ? (record as { group: string }).group : undefined;
	const number = group ? Number(group.split('-')[1]) : 0;
	const moved = { ...record, ward: SECOND_WARD };
	if (group) Object.assign(moved, { group: SECOND_GROUPS[(number - 1) % SECOND_GROUPS.length] });
	return validated(moved) as T;
}

async function write(client: CouchClient, database: string, docs: unknown[]): Promise<void> {
	const results = await client.json<{ ok?: boolean; id: string; error?: string }[]>(
		`${database}/_bulk_docs`,
		{ method: 'POST', body: { docs } }
	);
	const failed = results.find((result) => !result.ok);
	if (failed) throw new Error(`seeding ${failed.id}: ${failed.error}`);
}

/** Seeds the ward; `skip` households of the demo are the first ward's and left out. */
export async function seedSecondWard(
	client: CouchClient,
	options: { skip: number; households: number; now?: Date }
): Promise<{ household: string; deletedPerson: string; bareTombstone: string }> {
	const report = await importOrgUnits(client, csvBytes(UNITS), {
		dryRun: false,
		wards: wardProvisioner(client, wardDesignDocs())
	});
	if (!report.ok) throw new Error(JSON.stringify(report.problems));
	const ward = demoWard({ households: options.skip + options.households, now: options.now });
	const households = ward.households.slice(options.skip).map(placed);
	const ids = new Set(households.map((household) => household.id));
	const inWard = (record: WardRecord) =>
		ids.has((record as { household?: string }).household ?? '');
	const persons = ward.persons.filter(inWard).map(placed);
	const declarations = ward.declarations.filter(inWard).map(placed);
	const template = ward.device_statuses[0] as DeviceStatus;
	const device = 'phone-thanh-xuan-0001';
	const status = validated({
		...template,
		id: deviceStatusId(device, SECOND_COLLABORATOR),
		ward: SECOND_WARD,
		device_id: device,
		user: SECOND_COLLABORATOR,
		stamp: { by: SECOND_COLLABORATOR, at: template.updated_at, device_id: device }
	} as WardRecord);
	const database = `ward_${SECOND_WARD}`;
	await write(
		client,
		database,
		[...households, ...persons, ...declarations, status].map(toCouchDoc)
	);

	// One deletion as the gateway makes it (placed), one as a bare tombstone.
	const [deleted, bare] = persons.filter(
		(person) => (person as { relation?: string }).relation !== 'head'
	);
	for (const person of [deleted, bare]) {
		const stored = await client.getDoc<{ _rev: string } & Record<string, unknown>>(
			database,
			person.id
		);
		if (!stored) throw new Error(`${person.id} was not written`);
		const tombstone =
			person === deleted
				? {
						_rev: stored._rev,
						_deleted: true,
						type: 'person',
						ward: stored.ward,
						group: stored.group,
						household: stored.household
					}
				: { _rev: stored._rev, _deleted: true };
		await client.json(`${database}/${encodeURIComponent(person.id)}`, {
			method: 'PUT',
			body: tombstone
		});
	}

	const accounts = [
		{
			username: SECOND_COLLABORATOR,
			display_name: 'Phạm Thị Lan',
			role: 'collaborator' as const,
			org_units: ['26734-02']
		},
		{
			username: SECOND_STAFF,
			display_name: 'Trạm Y tế Phường Thạnh Xuân',
			role: 'ward_staff' as const,
			org_units: [SECOND_WARD]
		}
	];
	const users = await Promise.all(accounts.map((account) => demoUserDoc(account, DEMO_PASSWORD)));
	const household = households[0].id;
	await write(client, 'hssk_users', [
		...users,
		{
			_id: `user:${SECOND_RESIDENT}`,
			username: SECOND_RESIDENT,
			display_name: 'Hộ gia đình',
			role: 'resident',
			org_units: [SECOND_WARD],
			household,
			disabled: false
		}
	]);
	await new QrStore(client).issue({ household, ward: SECOND_WARD }, SECOND_STAFF);
	return { household, deletedPerson: deleted.id, bareTombstone: bare.id };
}
