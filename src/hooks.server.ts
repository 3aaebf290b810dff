// Every request passes here: a write from another site is refused, the sync gateway takes
// `/db/…` before routing (PouchDB asks for `/db/<name>/` with a trailing slash, which routing
// would redirect), every answer gets the security headers, and each request leaves one
// structured log line.

import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { knownCaller, startAccountWatching } from '$lib/server/auth/caller';
import { handleGateway, isGatewayPath } from '$lib/server/gateway';
import { loggablePath, logEvent, queryNames } from '$lib/server/log';
import { startOrgWatching } from '$lib/server/org/org-watcher';
import { startProgressWarming } from '$lib/server/progress';
import { startRegistryLink } from '$lib/server/registry/link';
import {
	crossSiteRefusal,
	drainBody,
	oversizeRefusal,
	withReason,
	withSecurityHeaders
} from '$lib/server/request-guard';
import { assertProductionSecrets } from '$lib/server/secrets';

/** A production start with a published or missing secret stops here; the rest is started,
 * not awaited: the server answers at once while the progress cache fills and the registry
 * link (when configured) waits for its first round. */
export const init: ServerInit = () => {
	assertProductionSecrets();
	startAccountWatching();
	startOrgWatching();
	startProgressWarming();
	startRegistryLink();
};

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const pathname = event.url.pathname;
	const answer =
		crossSiteRefusal(event.request, event.url) ??
		oversizeRefusal(event.request, pathname) ??
		(isGatewayPath(pathname) ? await handleGateway(event) : await resolve(event));
	const response = withSecurityHeaders(await withReason(answer, event.request, pathname), pathname);
	await drainBody(event.request);
	const caller = knownCaller(event.request);
	logEvent(response.status >= 500 ? 'error' : 'info', 'request', {
		method: event.request.method,
		path: loggablePath(event.url.pathname),
		query: queryNames(event.url),
		status: response.status,
		duration_ms: Math.round(performance.now() - started),
		user: caller?.user.username,
		device: caller?.deviceId
	});
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	// A route that does not exist is the request line's business, not an error.
	if (status < 500)
		return { message: status === 404 ? 'Không tìm thấy / Not found' : 'Lỗi / Error' };
	// The error's message can quote data; its name and where it happened are enough to start.
	logEvent('error', 'server.error', {
		status,
		method: event.request.method,
		path: loggablePath(event.url.pathname),
		error: error instanceof Error ? error.name : 'unknown'
	});
	return { message: 'Lỗi máy chủ / Server error' };
};
