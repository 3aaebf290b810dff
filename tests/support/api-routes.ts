// The app's API as its route files declare it: every `src/routes/api/**/+server.ts` and the
// methods it exports. Tests that must cover every endpoint build their list from this, so a
// new route or method without a case fails them.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ROUTES = join(ROOT, 'src/routes');

export type ApiRoute = { route: string; methods: string[] };

export function apiRoutes(): ApiRoute[] {
	const dir = join(ROUTES, 'api');
	return (readdirSync(dir, { recursive: true }) as string[])
		.filter((file) => file.endsWith('+server.ts'))
		.map((file) => {
			const source = readFileSync(join(dir, file), 'utf8');
			const methods = [
				...source.matchAll(
					/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g
				)
			].map((match) => match[1]);
			return { route: '/' + relative(ROUTES, join(dir, dirname(file))), methods };
		})
		.sort((a, b) => a.route.localeCompare(b.route));
}
