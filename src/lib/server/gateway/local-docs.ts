// `_local` documents (replication checkpoints) are kept per user: `_local/<id>` is stored as
// `_local/<username>:<id>`, so no one can read or reset another user's checkpoint.

import { json } from '@sveltejs/kit';
import { CouchError } from '../couch/client';
import { Refusal, refusal } from '../http';
import { readJsonObject } from './body';
import type { GatewayContext } from './context';

/** What replication clients name checkpoints with (PouchDB: a digest with `.` and `_` for
 * `/` and `+`), and the `<user>:` the gateway puts before it; never a path. */
const LOCAL_ID = /^[A-Za-z0-9._:=-]{1,200}$/;

function upstreamPath(context: GatewayContext, id: string): string {
	return `${context.scope.database}/_local/${encodeURIComponent(`${context.scope.user}:${id}`)}`;
}

async function passNotFound(answer: () => Promise<Response>): Promise<Response> {
	try {
		return await answer();
	} catch (error) {
		if (error instanceof CouchError && error.status === 404)
			return refusal(404, 'gateway.not_found');
		if (error instanceof CouchError && error.status === 409) {
			return refusal(409, 'gateway.conflict');
		}
		throw error;
	}
}

export async function localDocument(context: GatewayContext, id: string): Promise<Response> {
	const { method } = context.event.request;
	if (!LOCAL_ID.test(id)) throw new Refusal(400, 'gateway.local_id');
	const path = upstreamPath(context, id);
	const asked = `_local/${id}`;
	switch (method) {
		case 'GET':
			return passNotFound(async () => {
				const doc = await context.client.json<Record<string, unknown>>(path);
				return json({ ...doc, _id: asked });
			});
		case 'PUT': {
			const body = await readJsonObject(context.event.request);
			return passNotFound(async () => {
				const answer = await context.client.json<Record<string, unknown>>(path, {
					method: 'PUT',
					body: { ...body, _id: `_local/${context.scope.user}:${id}` }
				});
				return json({ ...answer, id: asked }, { status: 201 });
			});
		}
		case 'DELETE': {
			const rev = context.event.url.searchParams.get('rev');
			return passNotFound(async () => {
				const answer = await context.client.json<Record<string, unknown>>(path, {
					method: 'DELETE',
					query: { rev: rev ?? undefined }
				});
				return json({ ...answer, id: asked });
			});
		}
		default:
			throw new Refusal(405, 'gateway.method');
	}
}
