// `GET|POST /db/<ward>/_changes`: one filtered page at once, or, for a longpoll with nothing
// new yet, an answer that waits for the caller's next change.

import { json } from '@sveltejs/kit';
import { auditChangesPage } from './audit-records';
import { scanChanges } from './changes-feed';
import { parseChangesQuery } from './changes-query';
import type { GatewayContext } from './context';
import { answerWhenChanged } from './longpoll';

export async function changes(context: GatewayContext): Promise<Response> {
	const query = await parseChangesQuery(context);
	const page = await scanChanges(context, query, query.since);
	if (page.results.length > 0 || !query.isLongpoll || query.timeoutMs === 0) {
		auditChangesPage(context, page);
		return json(page);
	}
	return answerWhenChanged(context, query, page.last_seq);
}
