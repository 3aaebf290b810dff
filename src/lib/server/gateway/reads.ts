// Reads by id: `_all_docs` with keys, `_bulk_get` and `_revs_diff`. A document outside the
// caller's scope is answered exactly as one that does not exist, so its existence leaks no more
// than its content.

import { json } from '@sveltejs/kit';
import { Refusal } from '../http';
import { readJsonBody, readJsonObject } from './body';
import { auditRecords, sentIds } from './audit-records';
import { isTrue, upstream, type GatewayContext } from './context';
import { currentStates } from './current-state';
import { mapLimited, PLACEMENT_LOOKUPS_AT_ONCE, type CouchDoc } from './placement';
import { canRead, isWardRecordId } from './scope';

function stringList(value: unknown): string[] {
	if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
		throw new Refusal(400, 'gateway.bad_request');
	}
	return value;
}

type AllDocsRow = {
	key: string;
	id?: string;
	error?: string;
	value?: { rev: string; deleted?: boolean };
	doc?: CouchDoc | null;
};

export async function allDocs(context: GatewayContext): Promise<Response> {
	const params = context.event.url.searchParams;
	const body =
		context.event.request.method === 'POST'
			? ((await readJsonBody(context.event.request)) as Record<string, unknown> | undefined)
			: undefined;
	let keys: string[];
	try {
		if (body?.keys !== undefined) keys = stringList(body.keys);
		else if (params.has('keys')) keys = stringList(JSON.parse(params.get('keys') as string));
		else if (params.has('key')) keys = [JSON.parse(params.get('key') as string) as string];
		else throw new Refusal(400, 'gateway.keys_required');
	} catch (error) {
		if (error instanceof Refusal) throw error;
		throw new Refusal(400, 'gateway.bad_request');
	}
	const includeDocs = isTrue(body?.include_docs) || isTrue(params.get('include_docs'));
	const conflicts = isTrue(body?.conflicts) || isTrue(params.get('conflicts'));

	const asked = [...new Set(keys.filter(isWardRecordId))];
	const found = new Map<string, AllDocsRow>();
	if (asked.length > 0) {
		const { rows } = await upstream<{ rows: AllDocsRow[] }>(context, '_all_docs', {
			method: 'POST',
			query: { include_docs: true, conflicts: conflicts || undefined },
			body: { keys: asked }
		});
		await mapLimited(rows, PLACEMENT_LOOKUPS_AT_ONCE, async (row) => {
			if (row.error || !row.value) return;
			const placement =
				row.value.deleted || !row.doc
					? await context.placements.ofRevision(row.key, row.value.rev)
					: await context.placements.ofDoc(row.doc);
			if (canRead(context.scope, placement)) found.set(row.key, row);
		});
	}
	const rows = keys.map((key) => {
		const row = found.get(key);
		if (!row) return { key, error: 'not_found' };
		const { doc, ...rest } = row;
		return includeDocs ? { ...rest, doc: doc ?? null } : rest;
	});
	if (includeDocs) {
		auditRecords(
			context,
			'records.read',
			'_all_docs',
			sentIds([...found.values()].map((row) => row.doc))
		);
	}
	return json({ total_rows: rows.length, offset: 0, rows });
}

type BulkGetAnswer = {
	results: {
		id: string;
		docs: ({ ok: CouchDoc } | { error: { id: string; rev: string; error: string } })[];
	}[];
};

function missing(id: string, rev: string | undefined) {
	return { error: { id, rev: rev ?? 'undefined', error: 'not_found', reason: 'missing' } };
}

export async function bulkGet(context: GatewayContext): Promise<Response> {
	const body = await readJsonObject(context.event.request);
	if (!Array.isArray(body.docs)) throw new Refusal(400, 'gateway.bad_request');
	const requests = body.docs as { id?: unknown; rev?: unknown }[];
	const askable = requests.filter((request) => isWardRecordId(request?.id));
	const params = context.event.url.searchParams;
	const answer: BulkGetAnswer =
		askable.length === 0
			? { results: [] }
			: await upstream<BulkGetAnswer>(context, '_bulk_get', {
					method: 'POST',
					query: {
						revs: isTrue(params.get('revs')) || undefined,
						latest: isTrue(params.get('latest')) || undefined
					},
					body: { docs: askable.map(({ id, rev }) => ({ id, ...(rev ? { rev } : {}) })) }
				});
	// CouchDB answers one result per asked entry, in order: the same id asked at two revisions
	// (a document with two branches) gets two results, each with its own revision.
	const shown = await Promise.all(
		answer.results.map((result) =>
			mapLimited(result.docs, PLACEMENT_LOOKUPS_AT_ONCE, async (entry) => {
				if (!('ok' in entry)) return entry;
				const isShown = canRead(context.scope, await context.placements.ofDoc(entry.ok));
				return isShown ? entry : missing(result.id, entry.ok._rev);
			})
		)
	);
	let next = 0;
	const results = requests.map((request) => {
		const id = typeof request?.id === 'string' ? request.id : '';
		const rev = typeof request?.rev === 'string' ? request.rev : undefined;
		if (!isWardRecordId(request?.id)) return { id, docs: [missing(id, rev)] };
		const index = next++;
		const docs = answer.results[index]?.id === id ? shown[index] : undefined;
		return { id, docs: docs ?? [missing(id, rev)] };
	});
	const sent = results.flatMap((result) =>
		result.docs.flatMap((entry) => ('ok' in entry ? [entry.ok] : []))
	);
	auditRecords(context, 'records.read', '_bulk_get', sentIds(sent));
	return json({ results });
}

type RevsDiff = Record<string, { missing: string[]; possible_ancestors?: string[] }>;

export async function revsDiff(context: GatewayContext): Promise<Response> {
	const body = await readJsonObject(context.event.request);
	const asked = new Map<string, string[]>();
	for (const [id, revs] of Object.entries(body)) asked.set(id, stringList(revs));
	const states = await currentStates(context, [...asked.keys()].filter(isWardRecordId));
	const diff: RevsDiff = {};
	const forwarded: Record<string, string[]> = {};
	for (const [id, revs] of asked) {
		const state = states.get(id);
		const isHidden = state !== undefined && !canRead(context.scope, state?.placement ?? null);
		// An id the caller cannot see is reported as missing everywhere: the push that
		// follows is then refused with a reason instead of silently skipped.
		if (!isWardRecordId(id) || isHidden || state === undefined) diff[id] = { missing: revs };
		else forwarded[id] = revs;
	}
	if (Object.keys(forwarded).length > 0) {
		const known = await upstream<RevsDiff>(context, '_revs_diff', {
			method: 'POST',
			body: forwarded
		});
		Object.assign(diff, known);
	}
	return json(diff);
}
