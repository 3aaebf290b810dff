// Server-side replication activity, for the city supervisor and administrators.

import { json, type RequestHandler } from '@sveltejs/kit';
import { couch } from '$lib/server/config';
import { withSignedIn } from '$lib/server/endpoint';
import { refusal } from '$lib/server/http';
import { serverReplication } from '$lib/server/progress/replication';

export const GET: RequestHandler = (event) =>
	withSignedIn(event, 'progress.failed', async (user) => {
		if (user.role !== 'city_supervisor' && user.role !== 'admin') {
			return refusal(403, 'progress.forbidden');
		}
		return json(await serverReplication(couch()));
	});
