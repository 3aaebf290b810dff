// Reads a `/db/...` path into what the gateway serves. Anything not in the replication
// subset (docs/architecture.md, "Sync gateway") maps to `unreachable`, so a new CouchDB
// endpoint never becomes reachable by accident.

export type Endpoint =
	| { kind: 'info' }
	| { kind: 'changes' }
	| { kind: 'all_docs' }
	| { kind: 'bulk_get' }
	| { kind: 'revs_diff' }
	| { kind: 'bulk_docs' }
	| { kind: 'ensure_full_commit' }
	| { kind: 'local'; id: string }
	| { kind: 'document'; id: string }
	| { kind: 'unreachable' };

export type GatewayTarget =
	| { kind: 'root' }
	| { kind: 'database'; database: string; endpoint: Endpoint }
	| { kind: 'malformed' };

export const GATEWAY_PREFIX = '/db';

/** The protocol's named endpoints (the scope tests try every one of them, for every role). */
export const ENDPOINTS: Readonly<Record<string, Endpoint>> = {
	_changes: { kind: 'changes' },
	_all_docs: { kind: 'all_docs' },
	_bulk_get: { kind: 'bulk_get' },
	_revs_diff: { kind: 'revs_diff' },
	_bulk_docs: { kind: 'bulk_docs' },
	_ensure_full_commit: { kind: 'ensure_full_commit' }
};

export function isGatewayPath(pathname: string): boolean {
	return pathname === GATEWAY_PREFIX || pathname.startsWith(GATEWAY_PREFIX + '/');
}

function decode(segment: string): string | null {
	try {
		return decodeURIComponent(segment);
	} catch {
		return null;
	}
}

function endpointOf(rest: string): Endpoint | null {
	if (rest === '') return { kind: 'info' };
	if (rest.startsWith('_local/')) {
		const id = decode(rest.slice('_local/'.length));
		return id === null ? null : id === '' ? { kind: 'unreachable' } : { kind: 'local', id };
	}
	if (!rest.includes('/') && Object.hasOwn(ENDPOINTS, rest)) return ENDPOINTS[rest];
	// A document id is one segment; a second one would be an attachment.
	if (rest.includes('/')) return { kind: 'unreachable' };
	const id = decode(rest);
	if (id === null) return null;
	if (id.startsWith('_local/') && id.length > '_local/'.length) {
		return { kind: 'local', id: id.slice('_local/'.length) };
	}
	// `_design/…`, `_find`, `_security`, `_purge`, `_local_docs` and the rest.
	if (id.startsWith('_')) return { kind: 'unreachable' };
	return { kind: 'document', id };
}

/** null when the path is not under /db at all. */
export function parseGatewayPath(pathname: string): GatewayTarget | null {
	if (!isGatewayPath(pathname)) return null;
	const inner = pathname.slice(GATEWAY_PREFIX.length).replace(/^\/+/, '');
	if (inner === '') return { kind: 'root' };
	const slash = inner.indexOf('/');
	const database = decode(slash === -1 ? inner : inner.slice(0, slash));
	const rest = slash === -1 ? '' : inner.slice(slash + 1);
	if (database === null || database === '') return { kind: 'malformed' };
	const endpoint = endpointOf(rest);
	return endpoint ? { kind: 'database', database, endpoint } : { kind: 'malformed' };
}
