// A registry extract read into households and their members, every problem on its line.
// Two shapes: a CSV with a header and one member a line (the household's columns repeated
// on each of its members' lines, any order, Vietnamese header names accepted), or JSON
// lines, each a household with its `members` or a member with the same fields as the CSV's
// columns. A file that ends in the middle of a line is refused as cut off, not read short.

import { isSameIdentity, type ExtractFormat } from '$lib/domain';
import type { LineProblem } from '../org/csv';
import { csvLines, jsonLines } from './extract-lines';
import {
	checkCells,
	type ExtractMember,
	type ExtractRow,
	type HouseholdFields
} from './extract-values';
import { turnEvery } from './turns';

export type ExtractHousehold = HouseholdFields & { line: number; members: ExtractMember[] };

export type ReadExtract = {
	format: ExtractFormat;
	rows: number;
	households: ExtractHousehold[];
	problems: LineProblem[];
};

/** A household larger than this is a mistake in the file, not a family. */
export const MAX_MEMBERS = 60;

const HOUSEHOLD_COLUMNS = ['group', 'house_number', 'street'] as const;

/** The members of each household together, checked against each other: the household's
 * columns agree on every line, one head, no one twice, no citizen ID twice in the file. */
function grouped(
	rows: readonly ExtractRow[],
	problems: LineProblem[],
	/** Households with a line refused already: their head may be on it. */
	refused: Set<string>
): ExtractHousehold[] {
	const households = new Map<string, ExtractHousehold>();
	const citizenLines = new Map<string, number>();
	for (const { household, member } of rows) {
		const { line } = member;
		let held = households.get(household.code);
		if (!held) {
			held = { ...household, line, members: [] };
			households.set(household.code, held);
		} else {
			for (const column of HOUSEHOLD_COLUMNS) {
				if (held[column] !== household[column]) {
					problems.push({
						line,
						key: 'registry.household_mismatch',
						params: { column, first_line: held.line, household: household.code }
					});
				}
			}
		}
		if (member.citizen_id) {
			const first = citizenLines.get(member.citizen_id);
			if (first !== undefined) {
				problems.push({
					line,
					key: 'registry.duplicate_citizen_id',
					params: { value: member.citizen_id, first_line: first }
				});
				refused.add(household.code);
				continue;
			}
			citizenLines.set(member.citizen_id, line);
		}
		const twin = held.members.find((other) => isSameIdentity(other, member));
		if (twin) {
			problems.push({ line, key: 'registry.duplicate_member', params: { first_line: twin.line } });
			refused.add(household.code);
			continue;
		}
		const head = held.members.find((other) => other.relation === 'head');
		if (member.relation === 'head' && head) {
			problems.push({
				line,
				key: 'registry.two_heads',
				params: { household: household.code, first_line: head.line }
			});
		}
		held.members.push(member);
	}
	for (const household of households.values()) {
		const hasHead = household.members.some((member) => member.relation === 'head');
		if (!hasHead && !refused.has(household.code)) {
			problems.push({
				line: household.line,
				key: 'registry.no_head',
				params: { household: household.code }
			});
		}
		if (household.members.length > MAX_MEMBERS) {
			problems.push({
				line: household.line,
				key: 'registry.too_many_members',
				params: { household: household.code, max: MAX_MEMBERS }
			});
		}
	}
	return [...households.values()];
}

export function formatOf(text: string): ExtractFormat {
	return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

/** Reads and checks the extract on its own; the ward's stored records come later. */
export async function readExtract(
	text: string,
	ward: string,
	groups: ReadonlySet<string>
): Promise<ReadExtract> {
	const format = formatOf(text);
	const lines = format === 'csv' ? csvLines(text) : jsonLines(text);
	const problems = [...lines.problems];
	const rows: ExtractRow[] = [];
	const refused = new Set<string>();
	for (const [index, { line, cells }] of lines.cells.entries()) {
		await turnEvery(index);
		const checked = checkCells(cells, line, ward, groups);
		problems.push(...checked.problems);
		if (checked.row) rows.push(checked.row);
		else refused.add((cells.household_code ?? '').trim());
	}
	const households = grouped(rows, problems, refused);
	problems.sort((a, b) => a.line - b.line);
	return { format, rows: lines.rows, households, problems };
}
