// The lines of a registry extract as cells by column, before any cell is checked: a CSV's
// header (English or Vietnamese names, any order) and records, or JSON lines (a household
// with its `members`, or one member). A last line cut short is told apart from a line that
// is merely wrong, and an open quotation mark is a file cut off.

import { foldVietnamese } from '$lib/domain';
import { parseCsv, type CsvRecord, type LineProblem } from '../org/csv';
import { EXTRACT_COLUMNS, type ExtractCells, type ExtractColumn } from './extract-values';

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

export type Lines = {
	cells: { line: number; cells: ExtractCells }[];
	rows: number;
	problems: LineProblem[];
};

export function csvLines(text: string): Lines {
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

export function jsonLines(text: string): Lines {
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
