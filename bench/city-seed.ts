// The generated city of the progress benchmark: one demo ward of about 20,000 people, moved
// to 50 ward codes (couch/seed/relocate.ts), every ward's database written in batches and its
// progress views built. The org tree is grown ward by ward as the benchmark measures, so "the
// city with N wards" holds exactly the first N. Half the wards sit under one of three
// districts (the 2021 shape), half straight under the city (the 2025 shape).

import { DEMO_CITY_CODE, DEMO_DISTRICT_CODE, DEMO_WARD_CODE } from '../couch/seed/demo';
import { relocatedWard } from '../couch/seed/relocate';
import { demoWard, toCouchDoc, type DemoWard } from '../couch/seed/seed-demo';
import { provision } from '../couch/provision';
import { PROGRESS_DESIGN, PROGRESS_VIEWS } from '../couch/design/documents';
import { wardDatabaseName } from '../src/lib/domain/ids';
import { orgUnitDocId, type OrgUnit } from '../src/lib/domain/org-unit';
import type { CouchClient } from '../src/lib/server/couch/client';

const GROUPS = 12;
const WRITE_BATCH = 2000;
const DISTRICTS = [
	{ code: DEMO_DISTRICT_CODE, name: 'Quận Bình Thạnh' },
	{ code: '766', name: 'Quận Tân Bình' },
	{ code: '768', name: 'Quận Phú Nhuận' }
];
/** The views `GET /api/progress` reads; the fourth progress view is not built here. */
export const MEASURED_VIEWS = [
	PROGRESS_VIEWS.households,
	PROGRESS_VIEWS.persons,
	PROGRESS_VIEWS.latestDeclaration
];

export type CityWard = { code: string; path: string[] };

function unit(code: string, level: OrgUnit['level'], name: string, path: string[]): OrgUnit {
	return {
		code,
		type: 'org_unit',
		level,
		name,
		parent: path.length > 1 ? path[path.length - 2] : null,
		path,
		cadence_months: 6,
		hotline: '1900 0000'
	};
}

/** The demo ward first (under Bình Thạnh), then wards alternately under the city itself and
 * under a district, so any first N hold both shapes. */
export function cityWards(count: number): CityWard[] {
	return Array.from({ length: count }, (_, index) => {
		const code = index === 0 ? DEMO_WARD_CODE : String(28000 + index);
		const district = DISTRICTS[Math.floor(index / 2) % DISTRICTS.length];
		const path = index % 2 === 0 ? [DEMO_CITY_CODE, district.code, code] : [DEMO_CITY_CODE, code];
		return { code, path };
	});
}

function wardUnits(ward: CityWard): OrgUnit[] {
	return [
		unit(
			ward.code,
			'ward',
			ward.code === DEMO_WARD_CODE ? 'Phường 27' : `Phường ${ward.code}`,
			ward.path
		),
		...Array.from({ length: GROUPS }, (_, index) => {
			const group = `${ward.code}-${String(index + 1).padStart(2, '0')}`;
			return unit(group, 'group', `Tổ dân phố ${index + 1}`, [...ward.path, group]);
		})
	];
}

type AllDocsRow = { id: string; value?: { rev: string } };

async function writeOrgDocs(client: CouchClient, docs: Record<string, unknown>[]): Promise<void> {
	const { rows } = await client.json<{ rows: AllDocsRow[] }>('hssk_org/_all_docs', {
		method: 'POST',
		body: { keys: docs.map((doc) => doc._id) }
	});
	const revs = new Map(rows.map((row) => [row.id, row.value?.rev]));
	await client.json('hssk_org/_bulk_docs', {
		method: 'POST',
		body: { docs: docs.map((doc) => ({ ...doc, _rev: revs.get(String(doc._id)) })) }
	});
}

/** Puts the wards (and their groups) into the org tree, and the districts they hang from. */
export async function attachWards(client: CouchClient, wards: readonly CityWard[]): Promise<void> {
	const districts = DISTRICTS.map((district) =>
		unit(district.code, 'district', district.name, [DEMO_CITY_CODE, district.code])
	);
	const units = [...districts, ...wards.flatMap(wardUnits)];
	await writeOrgDocs(
		client,
		units.map((orgUnit) => ({ _id: orgUnitDocId(orgUnit.code), ...orgUnit }))
	);
}

/** Takes the wards out of the org tree (their databases stay). */
export async function detachWards(client: CouchClient, wards: readonly CityWard[]): Promise<void> {
	const ids = wards.flatMap(wardUnits).map((orgUnit) => orgUnitDocId(orgUnit.code));
	const { rows } = await client.json<{ rows: AllDocsRow[] }>('hssk_org/_all_docs', {
		method: 'POST',
		body: { keys: ids }
	});
	const present = rows.filter((row) => row.value?.rev);
	if (present.length === 0) return;
	await client.json('hssk_org/_bulk_docs', {
		method: 'POST',
		body: { docs: present.map((row) => ({ _id: row.id, _rev: row.value?.rev, _deleted: true })) }
	});
}

export type WardCounts = {
	households: number;
	persons: number;
	declarations: number;
	device_statuses: number;
};

export function countsOf(ward: DemoWard): WardCounts {
	return {
		households: ward.households.length,
		persons: ward.persons.length,
		declarations: ward.declarations.length,
		device_statuses: ward.device_statuses.length
	};
}

type BulkResult = { id: string; ok?: boolean; error?: string; reason?: string };

/** Writes a ward's database unless it already holds the ward; returns the seconds spent
 * writing (0 when it was there). */
export async function seedWard(
	client: CouchClient,
	base: DemoWard,
	code: string
): Promise<{ seconds: number; docs: number }> {
	const database = wardDatabaseName(code);
	await provision(client, [code]);
	const ward = relocatedWard(base, code);
	const docs = [
		...ward.households,
		...ward.persons,
		...ward.declarations,
		...ward.device_statuses
	].map(toCouchDoc);
	const info = await client.json<{ doc_count: number }>(database);
	// The design documents are documents too.
	if (info.doc_count >= docs.length) return { seconds: 0, docs: info.doc_count };
	const started = performance.now();
	for (let start = 0; start < docs.length; start += WRITE_BATCH) {
		const results = await client.json<BulkResult[]>(`${database}/_bulk_docs`, {
			method: 'POST',
			body: { docs: docs.slice(start, start + WRITE_BATCH) }
		});
		// A rerun after an interrupted seed, or the demo seed's device statuses: already there.
		const failed = results.find((result) => result.error && result.error !== 'conflict');
		if (failed) throw new Error(`Writing ${database}/${failed.id}: ${failed.error}`);
	}
	const seconds = (performance.now() - started) / 1000;
	const after = await client.json<{ doc_count: number }>(database);
	return { seconds, docs: after.doc_count };
}

/** Queries each measured view once, so its index is built; returns the seconds it took. */
export async function buildWardViews(client: CouchClient, code: string): Promise<number> {
	const started = performance.now();
	for (const view of MEASURED_VIEWS) {
		await client.json(`${wardDatabaseName(code)}/_design/${PROGRESS_DESIGN}/_view/${view}`, {
			query: { limit: 0 }
		});
	}
	return (performance.now() - started) / 1000;
}

export function baseWard(households: number): DemoWard {
	return demoWard({ households });
}
