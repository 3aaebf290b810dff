// What the service worker does with each request, decided apart from the worker so it can be
// tested: health data (/api/, /db/) is never touched, page loads try the network first, and
// the app's own files come from the versioned cache.

export type ShellPolicy = 'network_only' | 'navigate' | 'cache_first';

export type ShellRequest = { method: string; url: URL; mode: RequestMode };

export type ShellContext = {
	origin: string;
	base: string;
	/** Paths of the build assets and static files cached at install. */
	assets: ReadonlySet<string>;
};

/** The app's version file must always come from the server to detect a new release. */
export function cachedAssets(base: string, paths: readonly string[]): Set<string> {
	return new Set(paths.filter((path) => path !== `${base}/_app/version.json`));
}

export function shellPolicy(request: ShellRequest, context: ShellContext): ShellPolicy {
	if (request.method !== 'GET' || request.url.origin !== context.origin) return 'network_only';
	const path = request.url.pathname;
	if (path.startsWith(`${context.base}/api/`) || path.startsWith(`${context.base}/db/`)) {
		return 'network_only';
	}
	if (request.mode === 'navigate') return 'navigate';
	return context.assets.has(path) ? 'cache_first' : 'network_only';
}

/**
 * How many ".." a page at this path needs to reach the app's root. With Kit's relative paths
 * (its default) the shell's asset links depend on it, so one cached copy per depth is kept.
 */
export function shellDepth(pathname: string, base: string): number {
	return Math.max(0, pathname.slice(base.length).split('/').length - 2);
}

/** Depths 0 to 4: the deepest screen, /ho/[id]/thanh-vien/moi, is at depth 3. */
export const SHELL_DEPTHS = 5;

/** An address of that depth; the server answers any address with the app shell. */
export function shellUrl(depth: number, base: string): string {
	const clamped = Math.min(Math.max(depth, 0), SHELL_DEPTHS - 1);
	return clamped === 0 ? `${base}/` : `${base}/${'_/'.repeat(clamped)}_`;
}
