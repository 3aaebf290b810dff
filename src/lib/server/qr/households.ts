// The ward-database facts the QR endpoints need: a household's place and what a sheet
// prints (address and head), read with the server's credentials.

import { HouseholdSchema, wardDatabaseName, type Household } from '$lib/domain';
import { PROGRESS_DESIGN, PROGRESS_VIEWS } from '../../../../couch/design/documents';
import type { CouchClient } from '../couch/client';

export type SheetHousehold = Pick<Household, 'id' | 'ward' | 'group' | 'address' | 'head_name'>;

type ViewRow = { id: string; doc?: Record<string, unknown> };

/** The household as a sheet prints it; null for anything else, and for a stray record in this
 * ward's database that names another ward (no one manages it from here). */
function sheetHouseholdOf(
	doc: Record<string, unknown> | undefined,
	wardCode: string
): SheetHousehold | null {
	if (!doc || doc._deleted) return null;
	const parsed = HouseholdSchema.pick({
		ward: true,
		group: true,
		address: true,
		head_name: true
	}).safeParse(doc);
	if (!parsed.success || typeof doc._id !== 'string' || parsed.data.ward !== wardCode) return null;
	return { id: doc._id, ...parsed.data };
}

/** Street first, then house number as people read it ("9" before "12", "12A" after "12"). */
export function byAddress(a: SheetHousehold, b: SheetHousehold): number {
	const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
	return (
		collator.compare(a.address.street, b.address.street) ||
		collator.compare(a.address.house_number, b.address.house_number)
	);
}

export async function householdIn(
	client: CouchClient,
	wardCode: string,
	id: string
): Promise<SheetHousehold | null> {
	return sheetHouseholdOf(
		(await client.getDoc<Record<string, unknown>>(wardDatabaseName(wardCode), id)) ?? undefined,
		wardCode
	);
}

/** The households of some groups of a ward (all of it when `groups` is null). */
export async function householdsOf(
	client: CouchClient,
	wardCode: string,
	groups: readonly string[] | null
): Promise<SheetHousehold[]> {
	const path = `${wardDatabaseName(wardCode)}/_design/${PROGRESS_DESIGN}/_view/${PROGRESS_VIEWS.households}`;
	const { rows } = await client.json<{ rows: ViewRow[] }>(path, {
		method: groups ? 'POST' : 'GET',
		query: { reduce: false, include_docs: true },
		...(groups ? { body: { keys: groups } } : {})
	});
	return rows
		.map((row) => sheetHouseholdOf(row.doc, wardCode))
		.filter((household): household is SheetHousehold => household !== null)
		.sort(byAddress);
}
