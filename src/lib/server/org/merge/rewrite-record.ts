// One record of a source ward as the new ward's database stores it: the same id, `ward` and
// `group` rewritten, and a revision that continues the source's history. Its revision is
// made from the source revision and the new codes alone, so copying it again makes the same
// revision (CouchDB then has it already), and a stock PouchDB that holds the old revision
// sees the copy as a plain descendant of it, not as a conflict.

import { createHash } from 'node:crypto';

export type SourceDoc = {
	_id: string;
	_rev: string;
	_revisions: { start: number; ids: string[] };
	_deleted?: boolean;
} & Record<string, unknown>;

export type Rewritten =
	| { kind: 'copy'; doc: SourceDoc; group?: string }
	/** A deletion that names no ward: nothing can place it in the new database. */
	| { kind: 'bare_tombstone' }
	| { kind: 'unmapped_group'; group: string };

export function mergedRevision(sourceRev: string, into: string, group: string | undefined) {
	const hash = createHash('md5')
		.update(`hssk ward merge\n${sourceRev}\n${into}\n${group ?? ''}`)
		.digest('hex');
	return hash;
}

export function rewriteRecord(
	source: SourceDoc,
	into: string,
	codes: ReadonlyMap<string, string>
): Rewritten {
	const ward = source.ward;
	if (typeof ward !== 'string') {
		if (source._deleted) return { kind: 'bare_tombstone' };
		return { kind: 'copy', doc: withRevision(source, into, undefined, {}) };
	}
	const fields: Record<string, unknown> = { ward: into };
	let group: string | undefined;
	if (typeof source.group === 'string') {
		group = codes.get(source.group);
		if (group === undefined) return { kind: 'unmapped_group', group: source.group };
		fields.group = group;
	}
	return { kind: 'copy', doc: withRevision(source, into, group, fields), group };
}

function withRevision(
	source: SourceDoc,
	into: string,
	group: string | undefined,
	fields: Record<string, unknown>
): SourceDoc {
	const hash = mergedRevision(source._rev, into, group);
	const start = source._revisions.start + 1;
	return {
		...source,
		...fields,
		_rev: `${start}-${hash}`,
		_revisions: { start, ids: [hash, ...source._revisions.ids] }
	};
}
