// The collaborator's list of households: each with its members, how urgent its next update
// is, and the folded text a search compares against (address, head and every member's name,
// so "ánh" finds the household Nguyễn Thị Ánh lives in even when she is not the head).

import {
	dueState,
	foldVietnamese,
	nextDueDate,
	householdSearchText,
	matchesQuery,
	searchIndex,
	searchQuery,
	worstDueState,
	type Declaration,
	type DueState,
	type Household,
	type Person
} from '$lib/domain';

export type MemberRow = {
	person: Person;
	due: DueState;
	last: Declaration | undefined;
	/** When the next update is due; null for someone never declared (due now). */
	nextDue: Date | null;
};

export type HouseholdRow = {
	household: Household;
	members: MemberRow[];
	due: DueState;
	/** The earliest next update among the members who declared before. */
	nextDue: Date | null;
	searchText: string;
	/** `searchText` ready for the search (search-fold.ts), made with the row. */
	searchIndex: string;
};

export const DUE_FILTERS = ['all', 'needs_visit', 'overdue', 'never', 'up_to_date'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const HOUSEHOLD_ORDERS = ['address', 'urgency'] as const;
export type HouseholdOrder = (typeof HOUSEHOLD_ORDERS)[number];

/** Most urgent first: overdue, never declared, due soon, up to date. */
const URGENCY: readonly DueState[] = ['overdue', 'never', 'due', 'up_to_date'];

function matchesDue(state: DueState, filter: DueFilter): boolean {
	switch (filter) {
		case 'all':
			return true;
		case 'needs_visit':
			return state !== 'up_to_date';
		default:
			return state === filter;
	}
}

/** The newest declaration of each person (a correction is newer than what it corrects). */
export function latestByPerson(declarations: readonly Declaration[]): Map<string, Declaration> {
	const latest = new Map<string, Declaration>();
	for (const declaration of declarations) {
		const known = latest.get(declaration.person);
		if (!known || declaration.declared_at > known.declared_at) {
			latest.set(declaration.person, declaration);
		}
	}
	return latest;
}

const ADDRESS_ORDER = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** Street by street, then house number in the order a walk down the street meets them. */
export function compareByAddress(a: Household, b: Household): number {
	return (
		ADDRESS_ORDER.compare(a.address.street, b.address.street) ||
		ADDRESS_ORDER.compare(a.address.house_number, b.address.house_number) ||
		a.id.localeCompare(b.id)
	);
}

const RELATION_ORDER = [
	'head',
	'spouse',
	'parent',
	'grandparent',
	'sibling',
	'child',
	'child_in_law',
	'grandchild',
	'other'
];

/** The head first, then the generations as a family would introduce them, eldest first. */
export function compareMembers(a: Person, b: Person): number {
	return (
		RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation) ||
		a.birth_date.localeCompare(b.birth_date) ||
		a.full_name.localeCompare(b.full_name, 'vi')
	);
}

export function memberRows(
	persons: readonly Person[],
	latest: ReadonlyMap<string, Declaration>,
	cadenceMonths: number,
	now: Date = new Date()
): MemberRow[] {
	return [...persons].sort(compareMembers).map((person) => {
		const last = latest.get(person.id);
		const nextDue = last ? nextDueDate(last.declared_at, cadenceMonths, last.health) : null;
		return { person, last, due: dueState(last, cadenceMonths, now), nextDue };
	});
}

export function householdRows(
	households: readonly Household[],
	persons: readonly Person[],
	declarations: readonly Declaration[],
	cadenceMonths: number,
	now: Date = new Date()
): HouseholdRow[] {
	const latest = latestByPerson(declarations);
	const personsByHousehold = new Map<string, Person[]>();
	for (const person of persons) {
		const list = personsByHousehold.get(person.household) ?? [];
		list.push(person);
		personsByHousehold.set(person.household, list);
	}
	return [...households].sort(compareByAddress).map((household) => {
		const members = memberRows(
			personsByHousehold.get(household.id) ?? [],
			latest,
			cadenceMonths,
			now
		);
		const names = members.map((member) => foldVietnamese(member.person.full_name)).join(' ');
		const dates = members.flatMap((member) => (member.nextDue ? [member.nextDue.getTime()] : []));
		const searchText = `${householdSearchText(household)} ${names}`.trim();
		return {
			household,
			members,
			due: worstDueState(members.map((member) => member.due)),
			nextDue: dates.length > 0 ? new Date(Math.min(...dates)) : null,
			searchText,
			searchIndex: searchIndex(searchText)
		};
	});
}

/** The rows a search, a group and a due choice leave; empty ones keep everything. The query
 * is folded once for the list, and each row brings its index (a ward is thousands of rows). */
export function filterHouseholdRows(
	rows: readonly HouseholdRow[],
	query: string,
	group: string,
	due: DueFilter = 'all'
): HouseholdRow[] {
	const search = searchQuery(query);
	return rows.filter(
		(row) =>
			(group === '' || row.household.group === group) &&
			matchesDue(row.due, due) &&
			(search.length === 0 || matchesQuery(row.searchIndex, search))
	);
}

/** Rows come in address order; by urgency, the most urgent first and the earliest due first
 * within each, so a round of visits starts where it is most needed. */
export function orderHouseholdRows(
	rows: readonly HouseholdRow[],
	order: HouseholdOrder
): readonly HouseholdRow[] {
	if (order === 'address') return rows;
	const when = (row: HouseholdRow) => row.nextDue?.getTime() ?? Number.NEGATIVE_INFINITY;
	return [...rows].sort(
		(a, b) => URGENCY.indexOf(a.due) - URGENCY.indexOf(b.due) || when(a) - when(b)
	);
}
