// One request to the ward database's own `_changes`, as the gateway reads it: always with the
// bodies, because every row is judged by the place its body names.

import type { ChangesQuery, Seq } from './changes-query';
import { upstream, type GatewayContext } from './context';
import type { CouchDoc } from './placement';
import type { ScopeFilterQuery } from './scope-filter';

export type UpstreamChange = {
	seq: Seq;
	id: string;
	changes: { rev: string }[];
	deleted?: boolean;
	doc?: CouchDoc | null;
};
export type UpstreamPage = { results: UpstreamChange[]; last_seq?: Seq };

export type UpstreamRead = {
	since: Seq;
	limit: number;
	/** The scope filter, or CouchDB's `_doc_ids` with the ids of the query; none reads all. */
	filter?: ScopeFilterQuery | { filter: '_doc_ids' };
};

export function readUpstreamChanges(
	context: GatewayContext,
	query: Pick<ChangesQuery, 'style' | 'conflicts' | 'docIds'>,
	read: UpstreamRead
): Promise<UpstreamPage> {
	const isByIds = read.filter?.filter === '_doc_ids';
	return upstream<UpstreamPage>(context, '_changes', {
		method: isByIds ? 'POST' : 'GET',
		query: {
			since: String(read.since),
			limit: read.limit,
			include_docs: true,
			style: query.style,
			conflicts: query.conflicts || undefined,
			...read.filter
		},
		body: isByIds ? { doc_ids: query.docIds } : undefined
	});
}
