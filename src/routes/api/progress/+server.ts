// A unit's progress for its supervisors: counts, children, and declarations per day, rolled
// up from the ward databases' views through the org tree (docs/architecture.md).

import { json, type RequestHandler } from '@sveltejs/kit';
import { couch } from '$lib/server/config';
import { withSignedIn } from '$lib/server/endpoint';
import { refusal } from '$lib/server/http';
import { wardProgressCache } from '$lib/server/progress';
import { homeUnitOf, watchesUnit } from '$lib/server/progress/access';
import { orgTree } from '$lib/server/progress/org-tree';
import { unitProgress } from '$lib/server/progress/rollup';

export const GET: RequestHandler = (event) =>
	withSignedIn(event, 'progress.failed', async (user) => {
		const code = event.url.searchParams.get('unit') ?? homeUnitOf(user);
		if (!code) return refusal(403, 'progress.forbidden');
		const tree = await orgTree(couch());
		const unit = tree.unit(code);
		if (!unit) return refusal(404, 'gateway.not_found');
		if (!watchesUnit(user, unit)) return refusal(403, 'progress.forbidden');
		const progress = await unitProgress(tree, wardProgressCache(), code);
		return json(progress);
	});
