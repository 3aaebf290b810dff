// A stand-in for CouchDB in the progress unit tests: ward databases with an update_seq, a
// changes feed and the progress views' rows, an org tree, and a log of every request.

import type { CouchClient, CouchRequest } from '../couch/client';

export type DeclarationRow = { key: [string, string, string]; value: [string, number, string] };

export type FakeWard = {
	seq: number;
	/** Ids changed at each sequence, oldest first (index + 1 is the sequence). */
	changes: string[];
	households: { key: string; value: number }[];
	persons: { key: string; value: number }[];
	declarations: DeclarationRow[];
};

export type FakeCouch = {
	client: CouchClient;
	wards: Map<string, FakeWard>;
	requests: string[];
	orgUnits: Record<string, unknown>[];
	/** Makes every request fail while set. */
	failing: { on: boolean };
	change(ward: string, id: string): void;
};

export function fakeWard(): FakeWard {
	return { seq: 0, changes: [], households: [], persons: [], declarations: [] };
}

export function fakeCouch(): FakeCouch {
	const wards = new Map<string, FakeWard>();
	const requests: string[] = [];
	const orgUnits: Record<string, unknown>[] = [];
	const failing = { on: false };
	const json = async (path: string, init: CouchRequest = {}): Promise<unknown> => {
		requests.push(path);
		await Promise.resolve();
		if (failing.on) throw new Error(`down: ${path}`);
		if (path === 'hssk_org/_all_docs') {
			return { rows: orgUnits.map((doc) => ({ id: doc._id, doc })) };
		}
		const [database, ...rest] = path.split('/');
		const ward = wards.get(database.replace(/^ward_/, ''));
		if (!ward) throw new Error(`no database ${database}`);
		if (rest.length === 0) return { update_seq: ward.seq };
		if (rest[0] === '_changes') {
			const since = Number(init.query?.since ?? 0);
			const limit = Number(init.query?.limit ?? Infinity);
			const results = ward.changes
				.map((id, index) => ({ id, seq: index + 1 }))
				.filter((row) => row.seq > since)
				.slice(0, limit);
			return { results, last_seq: ward.seq };
		}
		const view = rest.at(-1);
		if (view === 'households_by_group') return { rows: ward.households };
		if (view === 'persons_by_group') return { rows: ward.persons };
		if (view === 'latest_declaration_by_member') return { rows: ward.declarations };
		throw new Error(`unexpected ${path}`);
	};
	return {
		client: { json } as unknown as CouchClient,
		wards,
		requests,
		orgUnits,
		failing,
		change(code, id) {
			const ward = wards.get(code);
			if (!ward) throw new Error(`no ward ${code}`);
			ward.changes.push(id);
			ward.seq = ward.changes.length;
		}
	};
}
