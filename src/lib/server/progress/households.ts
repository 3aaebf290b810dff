// The households of one group with where each stands, for a supervisor's drill-down and the
// printable list of overdue households a collaborator plans a round of visits with. Reads the
// group's household documents (address and head only) and view rows for the rest.

import { isUpToDate, wardDatabaseName, type HouseholdProgress } from '$lib/domain';
import {
	CLAIM_DESIGN,
	CLAIM_VIEWS,
	PROGRESS_DESIGN,
	PROGRESS_VIEWS
} from '../../../../couch/design/documents';
import type { CouchClient } from '../couch/client';
import { householdsOf } from '../qr/households';

type DeclarationRow = { key: [string, string, string]; value: [string, number, string] };
type MemberRow = { key: string; id: string };

export async function groupHouseholds(
	client: CouchClient,
	ward: string,
	group: string,
	cadenceMonths: number,
	now: Date = new Date()
): Promise<HouseholdProgress[]> {
	const households = await householdsOf(client, ward, [group]);
	const database = wardDatabaseName(ward);
	const [members, declarations] = await Promise.all([
		households.length === 0
			? { rows: [] }
			: client.json<{ rows: MemberRow[] }>(
					`${database}/_design/${CLAIM_DESIGN}/_view/${CLAIM_VIEWS.members}`,
					{ method: 'POST', body: { keys: households.map((household) => household.id) } }
				),
		client.json<{ rows: DeclarationRow[] }>(
			`${database}/_design/${PROGRESS_DESIGN}/_view/${PROGRESS_VIEWS.latestDeclaration}`,
			{
				query: {
					reduce: false,
					startkey: JSON.stringify([group]),
					endkey: JSON.stringify([group, {}])
				}
			}
		)
	]);
	const personsOf = new Map<string, number>();
	for (const row of members.rows) personsOf.set(row.key, (personsOf.get(row.key) ?? 0) + 1);
	const latest = new Map<string, { household: string; at: string; isCloseWatch: boolean }>();
	for (const { key, value } of declarations.rows) {
		const known = latest.get(key[2]);
		if (!known || value[0] > known.at) {
			latest.set(key[2], { household: key[1], at: value[0], isCloseWatch: value[1] === 1 });
		}
	}
	const rows = new Map<string, HouseholdProgress>(
		households.map((household) => [
			household.id,
			{
				household: household.id,
				house_number: household.address.house_number,
				street: household.address.street,
				head_name: household.head_name,
				persons: personsOf.get(household.id) ?? 0,
				declared: 0,
				up_to_date: 0,
				overdue: 0,
				last_declared_at: null
			}
		])
	);
	for (const person of latest.values()) {
		const row = rows.get(person.household);
		if (!row) continue;
		row.declared += 1;
		if (isUpToDate(person.at, cadenceMonths, person.isCloseWatch, now)) row.up_to_date += 1;
		else row.overdue += 1;
		if (!row.last_declared_at || person.at > row.last_declared_at) row.last_declared_at = person.at;
	}
	return [...rows.values()];
}
