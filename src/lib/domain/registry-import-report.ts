// What importing a population registry extract answers, the same for the API, the ward
// staff's screen and the command line: the problems by line (the file is refused and nothing
// is written), or the counts and lists of what was (or in a dry run would be) created,
// updated, left alone because the ward's own edit or deletion wins (conflicts), and put on
// the review list of near matches.

import type { MessageParams } from './messages';
import type { ImportProblem } from './org-import-report';
import type { ReviewKind } from './review-item';

export type { ImportProblem } from './org-import-report';

export const EXTRACT_ENCODINGS = ['utf-8', 'utf-8-bom', 'windows-1258'] as const;
export type ExtractEncoding = (typeof EXTRACT_ENCODINGS)[number];
export type ExtractFormat = 'csv' | 'jsonl';

/** The fields the import manages, and may list as changed. */
export type RegistryField =
	| 'group'
	| 'address.house_number'
	| 'address.street'
	| 'head_name'
	| 'full_name'
	| 'birth_date'
	| 'sex'
	| 'citizen_id'
	| 'relation'
	| 'household';

export type RegistryEntry = {
	/** The line of the file: a household's first line, or the member's own. */
	line: number;
	kind: 'household' | 'person';
	id: string;
	household_code: string;
	/** A household's head, or the member's name. */
	name: string;
	/** What differs from the stored record (empty for a new one). */
	changes: RegistryField[];
};

export type RegistryConflict = {
	line: number;
	kind: 'household' | 'person';
	/** The stored record concerned, when there is one. */
	id?: string;
	household_code: string;
	key: string;
	params: MessageParams;
	/** Vietnamese / English, values filled in. */
	reason: string;
};

export type RegistryReviewEntry = {
	line: number;
	/** The review item's id in the ward database. */
	id: string;
	persons: [string, string];
	names: [string, string];
	birth_dates: [string, string];
	kinds: ReviewKind[];
};

export type RegistryCounts = {
	households_created: number;
	households_updated: number;
	households_unchanged: number;
	persons_created: number;
	persons_updated: number;
	persons_unchanged: number;
	conflicts: number;
	/** Near matches new to the review list. */
	reviews_created: number;
};

/** A long list is cut here in the answer; the counts are always complete. */
export const REPORT_LIST_LIMIT = 1000;

export type RegistryImportReport = {
	dry_run: boolean;
	ok: boolean;
	ward: string;
	format: ExtractFormat | null;
	encoding: ExtractEncoding | null;
	/** Data lines read (a CSV's header and blank lines not counted). */
	rows: number;
	households: number;
	persons: number;
	problems: ImportProblem[];
	counts: RegistryCounts;
	created: RegistryEntry[];
	updated: RegistryEntry[];
	conflicts: RegistryConflict[];
	reviews: RegistryReviewEntry[];
	/** True when a list above holds only its first REPORT_LIST_LIMIT entries. */
	is_truncated: boolean;
	/** Documents written to the ward database (0 in a dry run). */
	written: number;
	elapsed_ms: number;
};

export function emptyRegistryCounts(): RegistryCounts {
	return {
		households_created: 0,
		households_updated: 0,
		households_unchanged: 0,
		persons_created: 0,
		persons_updated: 0,
		persons_unchanged: 0,
		conflicts: 0,
		reviews_created: 0
	};
}
