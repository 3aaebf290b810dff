// The whole org tree as stored in `hssk_org`, read once per import, move or merge: a city has
// a few thousand units, and every check (parents, levels, paths below a moved unit) needs
// them side by side. A document that fails the schema is kept by revision only, so it can be
// overwritten but is never taken for a unit.

import { OrgUnitSchema, orgUnitDocId, type OrgUnit } from '$lib/domain';
import type { CouchClient } from '../couch/client';
import { ORG_DATABASE } from '../couch/databases';
import { samePath } from './paths';

export type OrgDoc = { _id: string; _rev?: string } & Record<string, unknown>;
export type StoredUnit = { unit: OrgUnit; doc: OrgDoc };

const PAGE_SIZE = 2_000;
const ORG_PREFIX = orgUnitDocId('');

type AllDocsPage = { rows: { id: string; value: { rev: string }; doc?: OrgDoc }[] };

export class OrgTree {
	readonly #children = new Map<string, string[]>();

	constructor(
		readonly units: ReadonlyMap<string, StoredUnit>,
		/** The revision of every `org:` document, valid or not, by code. */
		readonly revs: ReadonlyMap<string, string> = new Map()
	) {
		for (const { unit } of units.values()) {
			if (unit.parent === null) continue;
			const siblings = this.#children.get(unit.parent) ?? [];
			siblings.push(unit.code);
			this.#children.set(unit.parent, siblings);
		}
	}

	static of(units: readonly OrgUnit[]): OrgTree {
		return new OrgTree(
			new Map(
				units.map((unit) => [unit.code, { unit, doc: { _id: orgUnitDocId(unit.code), ...unit } }])
			)
		);
	}

	unit(code: string): OrgUnit | undefined {
		return this.units.get(code)?.unit;
	}

	childrenOf(code: string): OrgUnit[] {
		return (this.#children.get(code) ?? []).map((child) => this.units.get(child)!.unit);
	}

	/** Every unit below `code`, nearest first. */
	descendantsOf(code: string): OrgUnit[] {
		const found: OrgUnit[] = [];
		const queue = [code];
		const seen = new Set(queue);
		while (queue.length > 0) {
			for (const child of this.childrenOf(queue.shift()!)) {
				if (seen.has(child.code)) continue;
				seen.add(child.code);
				found.push(child);
				queue.push(child.code);
			}
		}
		return found;
	}

	parentLinks(): Map<string, string | null> {
		return new Map([...this.units.values()].map(({ unit }) => [unit.code, unit.parent]));
	}

	/** The stored units, other than `except`, whose path differs from `paths`, as the
	 * documents to write: how a move reaches everything below the unit that moved. */
	repathed(paths: ReadonlyMap<string, string[]>, except: ReadonlySet<string>): OrgDoc[] {
		const docs: OrgDoc[] = [];
		for (const { unit, doc } of this.units.values()) {
			if (except.has(unit.code)) continue;
			const path = paths.get(unit.code);
			if (path && !samePath(path, unit.path)) docs.push({ ...doc, path });
		}
		return docs;
	}
}

export async function loadOrgTree(client: CouchClient): Promise<OrgTree> {
	const units = new Map<string, StoredUnit>();
	const revs = new Map<string, string>();
	let startkey = ORG_PREFIX;
	let skip = 0;
	for (;;) {
		const { rows } = await client.json<AllDocsPage>(`${ORG_DATABASE}/_all_docs`, {
			query: {
				include_docs: true,
				startkey: JSON.stringify(startkey),
				endkey: JSON.stringify(ORG_PREFIX + '\ufff0'),
				limit: PAGE_SIZE,
				skip
			}
		});
		for (const row of rows) {
			const code = row.id.slice(ORG_PREFIX.length);
			revs.set(code, row.value.rev);
			const parsed = OrgUnitSchema.safeParse(row.doc);
			if (row.doc && parsed.success && parsed.data.code === code) {
				units.set(code, { unit: parsed.data, doc: row.doc });
			}
		}
		if (rows.length < PAGE_SIZE) break;
		startkey = rows[rows.length - 1].id;
		skip = 1;
	}
	return new OrgTree(units, revs);
}
