// Every request the sync gateway could be asked about some documents of one database: each
// endpoint kind of `src/lib/server/gateway/route.ts` with the bodies replication clients send,
// plus every HTTP method on each path. The scope tests send them all for every role against
// documents outside its scope.

import type { Endpoint } from '../../src/lib/server/gateway/route';
import { ENDPOINTS } from '../../src/lib/server/gateway/route';

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
export type Method = (typeof METHODS)[number];

export type GatewayRequest = {
	method: Method;
	/** Under the app's origin, e.g. `/db/ward_26956/_changes?since=0`. */
	path: string;
	body?: unknown;
	/** What the endpoint is, for the failure message and the report. */
	operation: string;
};

/** A document the caller must not reach, as the caller would name it. */
export type TargetDoc = { id: string; rev: string; body: Record<string, unknown> };

export type GatewayTarget = {
	database: string;
	/** Stored documents outside the caller's scope in this database. */
	docs: TargetDoc[];
	/** A new document placed outside the caller's scope (it must never be stored). */
	newDoc: Record<string, unknown> & { _id: string };
	/** The id under `_local/` of someone else's checkpoint, as the caller would ask for it. */
	otherLocalId: string;
};

const FAKE_REV = '1-00000000000000000000000000000000';

function hasBody(method: Method): boolean {
	return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}

function sweep(
	operation: string,
	path: string,
	body: unknown,
	methods: readonly Method[] = METHODS
): GatewayRequest[] {
	return methods.map((method) => ({
		method,
		path,
		operation: `${method} ${operation}`,
		...(hasBody(method) ? { body } : {})
	}));
}

/** An edit of the stored document that keeps its revision (so it would win if accepted). */
export function edited(doc: TargetDoc, marker: string): Record<string, unknown> {
	const text = JSON.stringify({ ...doc.body, _id: doc.id, _rev: doc.rev });
	return JSON.parse(text.split(marker).join('CHANGED')) as Record<string, unknown>;
}

function replicatedEdit(doc: TargetDoc, body: Record<string, unknown>) {
	const next = 'f'.repeat(32);
	return {
		...body,
		_rev: `9-${next}`,
		_revisions: { start: 9, ids: [next, doc.rev.split('-')[1] ?? next] }
	};
}

type Builder = (
	target: GatewayTarget,
	name: string,
	edits: Record<string, unknown>[]
) => GatewayRequest[];

const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** One builder per endpoint kind: a new kind in route.ts fails the type check here. */
const BUILDERS: Record<Endpoint['kind'], Builder> = {
	info: (t) => sweep('/db/<db>/', `/db/${t.database}/`, t.newDoc),
	changes: (t, name) => {
		const ids = t.docs.map((doc) => doc.id);
		const base = `/db/${t.database}/${name}`;
		return [
			...sweep(name, `${base}?include_docs=true&style=all_docs&since=0`, { doc_ids: ids }),
			{
				method: 'GET',
				path: `${base}?type=household&include_docs=true`,
				operation: `${name} type`
			},
			{
				method: 'GET',
				path: `${base}?filter=_doc_ids&include_docs=true&doc_ids=${q(ids)}`,
				operation: `${name} doc_ids GET`
			},
			{
				method: 'POST',
				path: `${base}?filter=_doc_ids&include_docs=true`,
				body: { doc_ids: ids },
				operation: `${name} doc_ids POST`
			},
			{
				method: 'GET',
				path: `${base}?feed=longpoll&since=0&timeout=1&include_docs=true`,
				operation: `${name} longpoll`
			}
		];
	},
	all_docs: (t, name) => {
		const keys = t.docs.map((doc) => doc.id);
		const base = `/db/${t.database}/${name}`;
		return [
			...sweep(name, `${base}?include_docs=true&conflicts=true`, { keys, include_docs: true }),
			{
				method: 'GET',
				path: `${base}?include_docs=true&keys=${q(keys)}`,
				operation: `${name} keys GET`
			},
			...keys.map((key) => ({
				method: 'GET' as const,
				path: `${base}?include_docs=true&key=${q(key)}`,
				operation: `${name} key GET`
			})),
			{ method: 'GET', path: `${base}?include_docs=true`, operation: `${name} without keys` }
		];
	},
	bulk_get: (t, name) =>
		sweep(name, `/db/${t.database}/${name}?revs=true&latest=true`, {
			docs: t.docs.flatMap((doc) => [{ id: doc.id }, { id: doc.id, rev: doc.rev }])
		}),
	revs_diff: (t, name) =>
		sweep(
			name,
			`/db/${t.database}/${name}`,
			Object.fromEntries(t.docs.map((doc) => [doc.id, [FAKE_REV]]))
		),
	bulk_docs: (t, name, edits) => [
		...sweep(name, `/db/${t.database}/${name}`, { docs: [...edits, t.newDoc] }),
		{
			method: 'POST',
			path: `/db/${t.database}/${name}`,
			body: {
				new_edits: false,
				docs: t.docs.map((doc, index) => replicatedEdit(doc, edits[index]))
			},
			operation: `${name} new_edits=false`
		},
		{
			method: 'POST',
			path: `/db/${t.database}/${name}`,
			body: {
				docs: t.docs.map((doc) => ({ _id: doc.id, _rev: doc.rev, _deleted: true }))
			},
			operation: `${name} deletions`
		}
	],
	ensure_full_commit: (t, name) => sweep(name, `/db/${t.database}/${name}`, {}),
	local: (t) => {
		const path = `/db/${t.database}/_local/${encodeURIComponent(t.otherLocalId)}`;
		return [
			...sweep('_local/<id>', path, { last_seq: 0 }),
			{
				method: 'GET',
				path: `/db/${t.database}/${encodeURIComponent(`_local/${t.otherLocalId}`)}`,
				operation: '_local encoded as one segment'
			}
		];
	},
	document: (t, _name, edits) => [
		...t.docs.flatMap((doc, index) => {
			const path = `/db/${t.database}/${encodeURIComponent(doc.id)}`;
			return [
				...(index === 0 ? sweep('<docid>', path, edits[index]) : []),
				{ method: 'GET' as const, path, operation: 'GET <docid>' },
				{ method: 'GET' as const, path: `${path}?open_revs=all`, operation: 'GET open_revs=all' },
				{
					method: 'GET' as const,
					path: `${path}?revs=true&conflicts=true&open_revs=${q([doc.rev])}`,
					operation: 'GET open_revs=[rev]'
				},
				{ method: 'GET' as const, path: `${path}?rev=${doc.rev}`, operation: 'GET rev=' },
				{ method: 'PUT' as const, path, body: edits[index], operation: 'PUT <docid>' },
				{
					method: 'PUT' as const,
					path: `${path}?new_edits=false`,
					body: replicatedEdit(doc, edits[index]),
					operation: 'PUT <docid> new_edits=false'
				},
				{
					method: 'DELETE' as const,
					path: `${path}?rev=${doc.rev}`,
					operation: 'DELETE <docid>'
				}
			];
		}),
		{
			method: 'PUT',
			path: `/db/${t.database}/${encodeURIComponent(t.newDoc._id)}`,
			body: t.newDoc,
			operation: 'PUT <new docid>'
		}
	],
	unreachable: (t) =>
		[
			'_design/progress',
			'_design/gateway/_view/scope',
			'_design_docs',
			'_find',
			'_index',
			'_explain',
			'_security',
			'_purge',
			'_local_docs',
			'_compact',
			'_view_cleanup',
			'_revs_limit',
			...(t.docs[0] ? [`${encodeURIComponent(t.docs[0].id)}/attachment.txt`] : [])
		].flatMap((rest) =>
			sweep(
				rest.startsWith('_') ? rest : '<docid>/<attachment>',
				`/db/${t.database}/${rest}`,
				{ selector: {}, [t.docs[0]?.id ?? 'x']: [FAKE_REV] },
				['GET', 'POST', 'PUT']
			)
		)
};

/** Every request of every endpoint for this target; `markerOf` names what a document carries. */
export function gatewayRequests(
	target: GatewayTarget,
	markerOf: (doc: TargetDoc) => string
): GatewayRequest[] {
	const edits = target.docs.map((doc) => edited(doc, markerOf(doc)));
	const named = Object.entries(ENDPOINTS).flatMap(([name, endpoint]) => {
		const build = BUILDERS[endpoint.kind];
		if (!build) throw new Error(`no scope case for the gateway endpoint ${name}`);
		return build(target, name, edits);
	});
	const kinds: Endpoint['kind'][] = ['info', 'local', 'document', 'unreachable'];
	return [...kinds.flatMap((kind) => BUILDERS[kind](target, kind, edits)), ...named];
}

/** The endpoint kinds the requests cover: every kind the router can answer. */
export function coveredKinds(): Endpoint['kind'][] {
	return Object.keys(BUILDERS) as Endpoint['kind'][];
}
