// The registry link of one ward, for whoever watches its progress (supervisors above it,
// its ward staff, administrators): whether the link is on, and its last run.

import { json, type RequestHandler } from '@sveltejs/kit';
import type { LinkStatus } from '$lib/domain';
import { couch } from '$lib/server/config';
import { withSignedIn } from '$lib/server/endpoint';
import { refusal } from '$lib/server/http';
import { homeUnitOf, watchesUnit } from '$lib/server/progress/access';
import { orgTree } from '$lib/server/progress/org-tree';
import { linkConfig, loadLinkState } from '$lib/server/registry/link';

export const GET: RequestHandler = (event) =>
	withSignedIn(event, 'registry.link_status_failed', async (user) => {
		const code = event.url.searchParams.get('unit') ?? homeUnitOf(user);
		if (!code) return refusal(403, 'progress.forbidden');
		const unit = (await orgTree(couch())).unit(code);
		if (!unit || unit.level !== 'ward') return refusal(404, 'gateway.not_found');
		if (!watchesUnit(user, unit)) return refusal(403, 'progress.forbidden');
		const config = linkConfig();
		const state = await loadLinkState(couch(), code);
		const status: LinkStatus = {
			ward: code,
			enabled: config !== null && (config.wards === 'all' || config.wards.includes(code)),
			interval_minutes: config?.intervalMinutes ?? null,
			source: state?.source ?? config?.url ?? null,
			cursor: state?.cursor ?? null,
			last_run: state?.last_run ?? null
		};
		return json(status);
	});
