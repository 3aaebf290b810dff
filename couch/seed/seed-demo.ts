// Seeds the demo city: org units, accounts, and the households, people, declarations and
// device statuses of Phường 27. Every record is checked with the same rules the gateway
// applies before anything is written; a rerun writes nothing.

import type { CouchClient } from '../../src/lib/server/couch/client';
import { checkDeclarationForPerson } from '../../src/lib/domain/declaration';
import { wardDatabaseName } from '../../src/lib/domain/ids';
import { orgUnitDocId, OrgUnitSchema } from '../../src/lib/domain/org-unit';
import { checkRecord, describeProblems, type WardRecord } from '../../src/lib/domain/records';
import { ORG_DATABASE, USERS_DATABASE } from '../provision';
import { accountDocId } from '../../src/lib/server/couch/databases';
import { DemoAccountsRefused, demoUserDoc } from './accounts';
import { demoDeclarations } from './declarations';
import {
	DEMO_ACCOUNTS,
	DEMO_HOUSEHOLDS,
	DEMO_PASSWORD,
	DEMO_WARD_CODE,
	demoOrgUnits
} from './demo';
import { demoDeviceStatuses } from './device-statuses';
import { demoHousehold } from './households';
import { missingIds, writeMissing, writeNewDocs, type CouchDoc } from './write';

export type SeedCounts = {
	org_units: number;
	accounts: number;
	households: number;
	persons: number;
	declarations: number;
	device_statuses: number;
};

export type SeedSummary = {
	/** What the demo consists of. */
	total: SeedCounts;
	/** What this run wrote: all zero on a rerun. */
	written: SeedCounts;
	elapsed_ms: number;
};

export type SeedOptions = {
	/** How many households; the default gives 300+ households and 1,000+ people. */
	households?: number;
	/** The demo's "today": declarations fall in the nine months before it. */
	now?: Date;
	env?: Record<string, string | undefined>;
};

export type DemoWard = {
	households: WardRecord[];
	persons: WardRecord[];
	declarations: WardRecord[];
	device_statuses: WardRecord[];
};

/** The record as CouchDB stores it: RxDB's `id` is CouchDB's `_id`. */
export function toCouchDoc(record: WardRecord): CouchDoc {
	const { id, ...fields } = record;
	return { _id: id, ...fields };
}

/** The record as the gateway would accept it, or an error naming what is wrong. */
export function validated(candidate: WardRecord): WardRecord {
	const check = checkRecord(candidate);
	if (!check.ok) {
		throw new Error(`Demo record ${candidate.id} is invalid: ${describeProblems(check.problems)}`);
	}
	return check.record;
}

/** Builds (and checks) the demo ward's records without touching any database. */
export function demoWard(options: Pick<SeedOptions, 'households' | 'now'> = {}): DemoWard {
	const now = options.now ?? new Date();
	const count = options.households ?? DEMO_HOUSEHOLDS;
	const ward: DemoWard = { households: [], persons: [], declarations: [], device_statuses: [] };
	for (let index = 0; index < count; index++) {
		const household = demoHousehold(index, now);
		ward.households.push(validated(household.record));
		ward.persons.push(...household.people.map((person) => validated(person.record)));
		const sexOf = new Map(household.people.map((person) => [person.record.id, person.record.sex]));
		for (const declaration of demoDeclarations(household, now)) {
			const sex = sexOf.get(declaration.person) ?? 'male';
			if (checkDeclarationForPerson(declaration, { sex })) {
				throw new Error(`Demo declaration ${declaration.id} records a pregnancy for a male`);
			}
			ward.declarations.push(validated(declaration));
		}
	}
	ward.device_statuses = demoDeviceStatuses(now).map(validated);
	return ward;
}

function orgUnitDocs(): CouchDoc[] {
	return demoOrgUnits().map((unit) => {
		const parsed = OrgUnitSchema.safeParse(unit);
		if (!parsed.success)
			throw new Error(`Demo org unit ${unit.code} is invalid: ${parsed.error.message}`);
		return { _id: orgUnitDocId(unit.code), ...parsed.data };
	});
}

async function seedAccounts(client: CouchClient): Promise<number> {
	const ids = DEMO_ACCOUNTS.map((account) => accountDocId(account.username));
	const missing = await missingIds(client, USERS_DATABASE, ids);
	// Hash only what will be written: scrypt is slow on purpose.
	const docs = await Promise.all(
		DEMO_ACCOUNTS.filter((account) => missing.has(accountDocId(account.username))).map((account) =>
			demoUserDoc(account, DEMO_PASSWORD)
		)
	);
	return writeNewDocs(client, USERS_DATABASE, docs);
}

export async function seedDemo(
	client: CouchClient,
	options: SeedOptions = {}
): Promise<SeedSummary> {
	const started = performance.now();
	if ((options.env ?? process.env).NODE_ENV === 'production') throw new DemoAccountsRefused();
	const orgUnits = orgUnitDocs();
	const ward = demoWard(options);
	const database = wardDatabaseName(DEMO_WARD_CODE);
	const written: SeedCounts = {
		org_units: await writeMissing(client, ORG_DATABASE, orgUnits),
		accounts: await seedAccounts(client),
		households: await writeMissing(client, database, ward.households.map(toCouchDoc)),
		persons: await writeMissing(client, database, ward.persons.map(toCouchDoc)),
		declarations: await writeMissing(client, database, ward.declarations.map(toCouchDoc)),
		device_statuses: await writeMissing(client, database, ward.device_statuses.map(toCouchDoc))
	};
	return {
		total: {
			org_units: orgUnits.length,
			accounts: DEMO_ACCOUNTS.length,
			households: ward.households.length,
			persons: ward.persons.length,
			declarations: ward.declarations.length,
			device_statuses: ward.device_statuses.length
		},
		written,
		elapsed_ms: Math.round(performance.now() - started)
	};
}
