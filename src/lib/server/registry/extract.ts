// A registry extract read into households and their members, every problem on its line.
// Two shapes: a CSV with a header and one member a line (the household's columns repeated
// on each of its members' lines, any order, Vietnamese header names accepted), or JSON
// lines, each a household with its `members` or a member with the same fields as the CSV's
// columns. A file that ends in the middle of a line is refused as cut off, not read short.

import { foldVietnamese, isSameIdentity, type ExtractFormat } from '$lib/domain';
import { parseCsv, type CsvRecord, type LineProblem } from '../org/csv';
import {
	checkCells,
	EXTRACT_COLUMNS,
	type ExtractCells,
	type ExtractColumn,
	type ExtractMember,
	type ExtractRow,
	type HouseholdFields
} from './extract-values';

export type ExtractHousehold = HouseholdFields & { line: number; members: ExtractMember[] };

export type ReadExtract = {
	format: ExtractFormat;
	rows: number;
	households: ExtractHousehold[];
	problems: LineProblem[];
};

/** A household larger than this is a mistake in the file, not a family. */
export const MAX_MEMBERS = 60;

/** Header names as ward offices write them, folded and joined by "_". */
const ALIASES: Record<string, ExtractColumn> = {
	ma_ho: 'household_code',
	so_ho: 'household_code',
	to: 'group',
	to_dan_pho: 'group',
	dia_chi: 'address',
	so_nha: 'house_number',
	duong: 'street',
	cccd: 'citizen_id',
	so_cccd: 'citizen_id',
	ho_ten: 'full_name',
	ho_va_ten: 'full_name',
	ngay_sinh: 'birth_date',
	gioi_tinh: 'sex',
	quan_he: 'relation',
	quan_he_voi_chu_ho: 'relation'
};

export function columnOf(name: string): ExtractColumn | null {
	const key = foldVietnamese(name).replace(/[\s-]+/g, '_');
	if ((EXTRACT_COLUMNS as readonly string[]).includes(key)) return key as ExtractColumn;
	return ALIASES[key] ?? null;
}

const REQUIRED: readonly ExtractColumn[] = [
	'household_code',
	'group',
	'citizen_id',
	'full_name',
	'birth_date',
	'sex',
	'relation'
];

type Header = { columns: (ExtractColumn | null)[]; width: number };

function readHeader(record: CsvRecord): Header | LineProblem[] {
	const names = record.cells.map((cell) => cell.trim());
	if (names.length > 1 && names[names.length - 1] === '') names.pop();
	const { line } = record;
	if (names.length === 1 && names[0].includes(';')) return [{ line, key: 'registry.delimiter' }];
	const problems: LineProblem[] = [];
	const seen = new Set<ExtractColumn>();
	const columns = names.map((name) => {
		const column = columnOf(name);
		if (!column) problems.push({ line, key: 'registry.unknown_column', params: { column: name } });
		else if (seen.has(column)) {
			problems.push({ line, key: 'registry.duplicate_column', params: { column: name } });
		} else seen.add(column);
		return column;
	});
	for (const column of REQUIRED) {
		if (!seen.has(column))
			problems.push({ line, key: 'registry.missing_column', params: { column } });
	}
	if (!seen.has('address') && !(seen.has('house_number') && seen.has('street'))) {
		problems.push({ line, key: 'registry.missing_column', params: { column: 'address' } });
	}
	return problems.length > 0 ? problems : { columns, width: names.length };
}

type Lines = {
	cells: { line: number; cells: ExtractCells }[];
	rows: number;
	problems: LineProblem[];
};

function csvLines(text: string): Lines {
	const parsed = parseCsv(text);
	if (parsed.problems.length > 0) {
		// An open quote swallows the rest of the file: it only happens to a file cut short.
		return {
			cells: [],
			rows: parsed.records.length,
			problems: parsed.problems.map((problem) => ({
				line: problem.line,
				key: 'registry.cut_off_quote',
				params: { line: problem.line }
			}))
		};
	}
	const [headerRecord, ...data] = parsed.records;
	if (!headerRecord || data.length === 0) {
		return {
			cells: [],
			rows: 0,
			problems: [{ line: (headerRecord?.line ?? 0) + 1, key: 'registry.empty' }]
		};
	}
	const header = readHeader(headerRecord);
	if (Array.isArray(header)) return { cells: [], rows: data.length, problems: header };
	const isComplete = /[\r\n]$/.test(text);
	const problems: LineProblem[] = [];
	const cells: Lines['cells'] = [];
	data.forEach((record, index) => {
		const trimmed =
			record.cells.length === header.width + 1 && record.cells[header.width].trim() === ''
				? record.cells.slice(0, header.width)
				: record.cells;
		if (trimmed.length !== header.width) {
			const isLast = index === data.length - 1;
			problems.push(
				isLast && !isComplete && trimmed.length < header.width
					? { line: record.line, key: 'registry.cut_off', params: { line: record.line } }
					: {
							line: record.line,
							key: 'registry.field_count',
							params: { found: trimmed.length, expected: header.width }
						}
			);
			return;
		}
		const byColumn: ExtractCells = {};
		header.columns.forEach((column, position) => {
			if (column) byColumn[column] = trimmed[position];
		});
		cells.push({ line: record.line, cells: byColumn });
	});
	return { cells, rows: data.length, problems };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON object's fields as cells: strings, or absent; anything else is a problem. */
function cellsOfObject(object: Record<string, unknown>, line: number, problems: LineProblem[]) {
	const cells: ExtractCells = {};
	for (const [name, value] of Object.entries(object)) {
		if (name === 'members') continue;
		const column = columnOf(name);
		if (!column) {
			problems.push({ line, key: 'registry.unknown_column', params: { column: name } });
		} else if (typeof value === 'string') cells[column] = value;
		else if (value !== null && value !== undefined) {
			problems.push({ line, key: 'registry.json_field', params: { field: name } });
		}
	}
	return cells;
}

function jsonLines(text: string): Lines {
	const problems: LineProblem[] = [];
	const cells: Lines['cells'] = [];
	const lines = text.split(/\r?\n/);
	const isComplete = text.endsWith('\n');
	let rows = 0;
	lines.forEach((raw, index) => {
		const line = index + 1;
		if (raw.trim() === '') return;
		rows += 1;
		let value: unknown;
		try {
			value = JSON.parse(raw);
		} catch {
			const isLast = index === lines.length - 1;
			problems.push(
				isLast && !isComplete
					? { line, key: 'registry.cut_off', params: { line } }
					: { line, key: 'registry.json_invalid' }
			);
			return;
		}
		if (!isObject(value)) return problems.push({ line, key: 'registry.json_invalid' });
		const own = cellsOfObject(value, line, problems);
		if (value.members === undefined) return cells.push({ line, cells: own });
		if (!Array.isArray(value.members) || !value.members.every(isObject)) {
			return problems.push({ line, key: 'registry.json_members' });
		}
		for (const member of value.members) {
			cells.push({ line, cells: { ...own, ...cellsOfObject(member, line, problems) } });
		}
	});
	if (rows === 0) problems.push({ line: 1, key: 'registry.empty' });
	return { cells, rows, problems };
}

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
export function readExtract(text: string, ward: string, groups: ReadonlySet<string>): ReadExtract {
	const format = formatOf(text);
	const lines = format === 'csv' ? csvLines(text) : jsonLines(text);
	const problems = [...lines.problems];
	const rows: ExtractRow[] = [];
	const refused = new Set<string>();
	for (const { line, cells } of lines.cells) {
		const checked = checkCells(cells, line, ward, groups);
		problems.push(...checked.problems);
		if (checked.row) rows.push(checked.row);
		else refused.add((cells.household_code ?? '').trim());
	}
	const households = grouped(rows, problems, refused);
	problems.sort((a, b) => a.line - b.line);
	return { format, rows: lines.rows, households, problems };
}
