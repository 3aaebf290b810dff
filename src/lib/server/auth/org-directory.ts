// The org units the server needs to describe a signed-in user and to check a supervisor's
// reach, read from `hssk_org` and kept for a minute: the tree changes rarely, and a sign-in
// or a sync request should not cost a round of look-ups. A change made by another process
// reaches this one through the org watcher (org/org-watcher.ts), which forgets it all.

import { OrgUnitSchema, orgUnitDocId, type OrgUnit } from '$lib/domain';
import { TtlCache } from '../cache';
import type { CouchClient } from '../couch/client';
import { ORG_DATABASE } from '../couch/databases';

const ORG_CACHE_MS = 60_000;
const ORG_CACHE_ENTRIES = 5_000;

type AllDocsRow = { id: string; doc?: unknown };

export class OrgDirectory {
	readonly #units = new TtlCache<string, OrgUnit | null>(ORG_CACHE_MS, ORG_CACHE_ENTRIES);
	readonly #groups = new TtlCache<string, OrgUnit[]>(ORG_CACHE_MS, ORG_CACHE_ENTRIES);

	constructor(readonly client: CouchClient) {}

	async unit(code: string): Promise<OrgUnit | null> {
		const cached = this.#units.get(code);
		if (cached !== undefined) return cached;
		const doc = await this.client.getDoc<unknown>(ORG_DATABASE, orgUnitDocId(code));
		const parsed = doc === null ? null : OrgUnitSchema.safeParse(doc);
		const unit = parsed?.success ? parsed.data : null;
		this.#units.set(code, unit);
		return unit;
	}

	/** The neighbourhood groups of a ward: their codes are `<ward>-<nn>`, so a key range finds them. */
	async groupsOf(wardCode: string): Promise<OrgUnit[]> {
		const cached = this.#groups.get(wardCode);
		if (cached) return cached;
		const prefix = orgUnitDocId(`${wardCode}-`);
		const { rows } = await this.client.json<{ rows: AllDocsRow[] }>(`${ORG_DATABASE}/_all_docs`, {
			query: {
				startkey: JSON.stringify(prefix),
				endkey: JSON.stringify(prefix + '\ufff0'),
				include_docs: true
			}
		});
		const groups: OrgUnit[] = [];
		for (const row of rows) {
			const parsed = OrgUnitSchema.safeParse(row.doc);
			if (parsed.success && parsed.data.level === 'group' && parsed.data.parent === wardCode) {
				groups.push(parsed.data);
			}
		}
		groups.sort((a, b) => a.code.localeCompare(b.code));
		this.#groups.set(wardCode, groups);
		return groups;
	}

	/** Forgets what was read about a ward's groups (after one was added or renamed here). */
	forgetGroups(wardCode: string): void {
		this.#groups.delete(wardCode);
		this.#units.deleteWhere((code) => code.startsWith(`${wardCode}-`));
	}

	/** Forgets every unit and group list read, after the tree changed in another process. */
	forgetAll(): void {
		this.#units.deleteWhere(() => true);
		this.#groups.deleteWhere(() => true);
	}

	/** The unit and its ancestors, nearest first, as far as they can be read. */
	async lineage(code: string): Promise<OrgUnit[]> {
		const unit = await this.unit(code);
		if (!unit) return [];
		const ancestors = await Promise.all(
			unit.path
				.filter((ancestor) => ancestor !== code)
				.reverse()
				.map((ancestor) => this.unit(ancestor))
		);
		return [unit, ...ancestors.filter((ancestor): ancestor is OrgUnit => ancestor !== null)];
	}
}
