// The progress table's columns, their sort, and the same table as a CSV file that Excel
// opens with its Vietnamese intact (UTF-8 with a byte order mark, CRLF line ends).

import { percent, type ProgressCounts } from '$lib/domain';
import type { UnitRow } from './progress-api';

export const COLUMNS = [
	'name',
	'households',
	'persons',
	'declared_percent',
	'up_to_date_percent',
	'overdue',
	'last_7_days',
	'last_30_days',
	'qr',
	'door_to_door'
] as const;
export type Column = (typeof COLUMNS)[number];
export type SortOrder = { column: Column; descending: boolean };

export function cell(counts: ProgressCounts, column: Exclude<Column, 'name'>): number {
	switch (column) {
		case 'households':
			return counts.households;
		case 'persons':
			return counts.persons;
		case 'declared_percent':
			return percent(counts.persons_declared, counts.persons);
		case 'up_to_date_percent':
			return percent(counts.up_to_date, counts.persons);
		case 'overdue':
			return counts.overdue;
		case 'last_7_days':
			return counts.last_7_days.qr + counts.last_7_days.door_to_door;
		case 'last_30_days':
			return counts.last_30_days.qr + counts.last_30_days.door_to_door;
		case 'qr':
			return counts.declared_by_channel.qr;
		case 'door_to_door':
			return counts.declared_by_channel.door_to_door;
	}
}

const NAME_ORDER = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

export function sortRows(rows: readonly UnitRow[], order: SortOrder): UnitRow[] {
	const sign = order.descending ? -1 : 1;
	return [...rows].sort((a, b) => {
		const byColumn =
			order.column === 'name'
				? NAME_ORDER.compare(a.name, b.name)
				: cell(a.counts, order.column) - cell(b.counts, order.column);
		return sign * byColumn || NAME_ORDER.compare(a.name, b.name);
	});
}

/** A spreadsheet cell: quoted when it holds a comma, a quote or a line break; a leading
 * =, +, - or @ is defused so a unit name can never run as a formula. */
function csvField(value: string | number): string {
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function progressCsv(
	headers: Record<Column, string>,
	rows: readonly UnitRow[],
	total: UnitRow
): string {
	const lines = [COLUMNS.map((column) => headers[column])];
	for (const row of [...rows, total]) {
		lines.push(
			COLUMNS.map((column) => (column === 'name' ? row.name : String(cell(row.counts, column))))
		);
	}
	return '\ufeff' + lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}
