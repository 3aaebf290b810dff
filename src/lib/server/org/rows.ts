// The columns of an org-unit CSV and what each cell may hold, checked row by row before any
// row is compared with the tree: `code,level,name,parent` and optionally
// `cadence_months,hotline`, in any order. An empty optional cell means "not given".

import {
	isPlainText,
	codeFitsLevel,
	ORG_LEVELS,
	ORG_NAME_MAX,
	wardOfGroup,
	type OrgLevel,
	type OrgUnit
} from '$lib/domain';
import type { CsvRecord, LineProblem } from './csv';

export const REQUIRED_COLUMNS = ['code', 'level', 'name', 'parent'] as const;
export const OPTIONAL_COLUMNS = ['cadence_months', 'hotline'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

const HOTLINE = /^(?=.*\d)[0-9+().\- ]{3,20}$/;

export type UnitRow = {
	line: number;
	code: string;
	level: OrgLevel;
	name: string;
	parent: string | null;
	cadence_months?: OrgUnit['cadence_months'];
	hotline?: string;
};

export type ReadRows = { rows: UnitRow[]; problems: LineProblem[] };

type Header = { positions: Map<Column, number>; width: number };

function isColumn(name: string): name is Column {
	return COLUMNS.includes(name);
}

function readHeader(record: CsvRecord): Header | LineProblem[] {
	const names = record.cells.map((cell) => cell.trim().toLowerCase());
	// Spreadsheets often end every line with a comma: that last empty cell is not a column.
	if (names.length > 1 && names[names.length - 1] === '') names.pop();
	if (names.length === 1 && names[0].includes(';')) {
		return [{ line: record.line, key: 'org.csv_delimiter' }];
	}
	const problems: LineProblem[] = [];
	const positions = new Map<Column, number>();
	names.forEach((name, index) => {
		if (!isColumn(name)) {
			problems.push({ line: record.line, key: 'org.csv_unknown_column', params: { column: name } });
		} else if (positions.has(name)) {
			problems.push({
				line: record.line,
				key: 'org.csv_duplicate_column',
				params: { column: name }
			});
		} else positions.set(name, index);
	});
	for (const column of REQUIRED_COLUMNS) {
		if (!positions.has(column)) {
			problems.push({ line: record.line, key: 'org.csv_missing_column', params: { column } });
		}
	}
	return problems.length > 0 ? problems : { positions, width: names.length };
}

/** Names as typed in Word or on a Mac may be decomposed (NFD) or carry doubled spaces. */
export function cleanName(name: string): string {
	return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

function isLevel(value: string): value is OrgLevel {
	return (ORG_LEVELS as readonly string[]).includes(value);
}

function readRow(record: CsvRecord, header: Header): { row?: UnitRow; problems: LineProblem[] } {
	const { line } = record;
	const problems: LineProblem[] = [];
	// A trailing empty cell (a comma at the end of every line) is not a column.
	const cells =
		record.cells.length === header.width + 1 && record.cells[header.width].trim() === ''
			? record.cells.slice(0, header.width)
			: record.cells;
	if (cells.length !== header.width) {
		const found = cells.length;
		return {
			problems: [{ line, key: 'org.csv_field_count', params: { found, expected: header.width } }]
		};
	}
	const cell = (column: Column) => {
		const index = header.positions.get(column);
		return index === undefined ? '' : cells[index].trim();
	};
	const code = cell('code');
	const levelText = cell('level').toLowerCase();
	const name = cleanName(cell('name'));
	const parent = cell('parent') || null;
	const cadenceText = cell('cadence_months');
	const hotline = cell('hotline').replace(/\s+/g, ' ');

	const level = isLevel(levelText) ? levelText : null;
	if (!level) problems.push({ line, key: 'org.level_invalid', params: { value: levelText } });
	if (!code) problems.push({ line, key: 'org.code_required' });
	else if (level && !codeFitsLevel(code, level)) {
		problems.push({ line, key: 'org.code_level', params: { code } });
	}
	if (!name) problems.push({ line, key: 'org.name_required' });
	else if (name.length > ORG_NAME_MAX) {
		problems.push({ line, key: 'org.name_too_long', params: { max: ORG_NAME_MAX } });
	} else if (!isPlainText(name)) {
		problems.push({ line, key: 'text.markup', params: {} });
	}
	if (level === 'group' && parent && code && wardOfGroup(code) !== parent) {
		problems.push({ line, key: 'org.group_code_parent', params: { code, parent } });
	}
	let cadence: UnitRow['cadence_months'];
	if (cadenceText === '3' || cadenceText === '6') cadence = Number(cadenceText) as 3 | 6;
	else if (cadenceText !== '') {
		problems.push({ line, key: 'org.cadence_invalid', params: { value: cadenceText } });
	}
	if (hotline && !HOTLINE.test(hotline)) problems.push({ line, key: 'org.hotline_invalid' });

	// The row still joins the tree checks when its code and level are sound, so a child of a
	// row with a bad name is not also told its parent is unknown.
	if (!level || !code || !codeFitsLevel(code, level)) return { problems };
	const row: UnitRow = { line, code, level, name, parent };
	if (cadence !== undefined) row.cadence_months = cadence;
	if (hotline) row.hotline = hotline;
	return { row, problems };
}

export function readRows(records: readonly CsvRecord[]): ReadRows {
	const [headerRecord, ...data] = records;
	if (!headerRecord) return { rows: [], problems: [{ line: 1, key: 'org.csv_empty' }] };
	const header = readHeader(headerRecord);
	if (Array.isArray(header)) return { rows: [], problems: header };
	if (data.length === 0) {
		return { rows: [], problems: [{ line: headerRecord.line + 1, key: 'org.csv_empty' }] };
	}
	const rows: UnitRow[] = [];
	const problems: LineProblem[] = [];
	for (const record of data) {
		const read = readRow(record, header);
		if (read.row) rows.push(read.row);
		problems.push(...read.problems);
	}
	return { rows, problems };
}
