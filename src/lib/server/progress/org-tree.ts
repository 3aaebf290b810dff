// The whole org tree in memory for the progress roll-up: read from `hssk_org` in one request
// and kept a minute. Counts roll up through it, never through codes copied into records, so
// moving a ward under another parent changes only the tree.

import { isLiveUnit, OrgUnitSchema, type OrgUnit } from '$lib/domain';
import type { CouchClient } from '../couch/client';
import { ORG_DATABASE } from '../couch/databases';

const TREE_CACHE_MS = 60_000;

type AllDocsRow = { id: string; doc?: Record<string, unknown> };

export class OrgTree {
	readonly #byCode = new Map<string, OrgUnit>();
	readonly #children = new Map<string, OrgUnit[]>();

	constructor(units: readonly OrgUnit[]) {
		for (const unit of units) this.#byCode.set(unit.code, unit);
		for (const unit of units) {
			if (unit.parent === null || !this.#byCode.has(unit.parent)) continue;
			const siblings = this.#children.get(unit.parent) ?? [];
			siblings.push(unit);
			this.#children.set(unit.parent, siblings);
		}
		for (const siblings of this.#children.values()) {
			siblings.sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true }));
		}
	}

	unit(code: string): OrgUnit | null {
		return this.#byCode.get(code) ?? null;
	}

	children(code: string): OrgUnit[] {
		return this.#children.get(code) ?? [];
	}

	/** The unit and its ancestors, root first. */
	lineage(code: string): OrgUnit[] {
		const unit = this.unit(code);
		if (!unit) return [];
		return unit.path.map((step) => this.unit(step)).filter((step): step is OrgUnit => !!step);
	}

	/** Every ward in the tree. */
	wards(): OrgUnit[] {
		return [...this.#byCode.values()].filter((unit) => unit.level === 'ward');
	}

	/** The wards at or below a unit. */
	wardsUnder(code: string): OrgUnit[] {
		const unit = this.unit(code);
		if (!unit) return [];
		if (unit.level === 'ward') return [unit];
		return this.children(code).flatMap((child) =>
			child.level === 'group' ? [] : this.wardsUnder(child.code)
		);
	}
}

export async function readOrgTree(client: CouchClient): Promise<OrgTree> {
	const { rows } = await client.json<{ rows: AllDocsRow[] }>(`${ORG_DATABASE}/_all_docs`, {
		query: {
			include_docs: true,
			startkey: JSON.stringify('org:'),
			endkey: JSON.stringify('org:\ufff0')
		}
	});
	const units: OrgUnit[] = [];
	for (const row of rows) {
		// A unit merged into another (`merged_into`) no longer counts under its parent.
		const parsed = OrgUnitSchema.safeParse(row.doc);
		if (parsed.success && isLiveUnit(parsed.data)) units.push(parsed.data);
	}
	return new OrgTree(units);
}

let cached: { at: number; tree: Promise<OrgTree> } | null = null;

/** Forgets the tree, after a change to it made in this process. */
export function forgetOrgTree(): void {
	cached = null;
}

export function orgTree(client: CouchClient, now: number = Date.now()): Promise<OrgTree> {
	if (!cached || now - cached.at > TREE_CACHE_MS) {
		const tree = readOrgTree(client);
		cached = { at: now, tree };
		tree.catch(() => {
			if (cached?.tree === tree) cached = null;
		});
	}
	return cached.tree;
}
