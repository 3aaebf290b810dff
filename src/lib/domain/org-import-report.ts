// What importing org units from a CSV answers, the same for the API, the admin screen and the
// command line: the problems by line (nothing was written), or what was (or in a dry run
// would be) created, updated and left alone.

import type { MessageParams } from './messages';
import type { OrgLevel } from './org-unit';

export const CHANGED_FIELDS = ['name', 'parent', 'cadence_months', 'hotline', 'path'] as const;
export type ChangedField = (typeof CHANGED_FIELDS)[number];

export type ImportProblem = {
	/** The line in the file, the header being line 1. */
	line: number;
	key: string;
	params: MessageParams;
	/** Vietnamese / English, values filled in. */
	reason: string;
};

export type ImportedUnit = {
	line: number;
	code: string;
	level: OrgLevel;
	name: string;
	parent: string | null;
	/** What differs from the stored unit (empty for a new one). */
	changes: ChangedField[];
};

export type ImportReport = {
	dry_run: boolean;
	ok: boolean;
	/** Data lines read (the header and blank lines not counted). */
	rows: number;
	problems: ImportProblem[];
	created: ImportedUnit[];
	updated: ImportedUnit[];
	unchanged: number;
	/** Units not in the file whose path changes because a unit above them moved. */
	paths_rewritten: number;
	/** Ward databases created (or, in a dry run, to be created). */
	wards_provisioned: string[];
	/** Documents written to `hssk_org` (0 in a dry run). */
	written: number;
	elapsed_ms: number;
};
