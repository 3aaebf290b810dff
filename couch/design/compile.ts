// Design documents are kept as code, one small file per function
// (`<folder>/views/<view>/map.js`, optional `reduce.js`; `<folder>/filters/<filter>.js`), so
// each can be read, linted and unit-tested on its own; this turns a folder into the document
// CouchDB stores.
//
// Each file is an ES module whose default export is the function (or, for a reduce, the
// name of a built-in such as '_count'). What CouchDB receives is the function's source
// alone, so the body must stay within ES5: CouchDB 3 runs it in SpiderMonkey, PouchDB in
// Node's vm.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ViewSource = { map: string; reduce?: string };

export type DesignDoc = {
	_id: `_design/${string}`;
	_rev?: string;
	language: 'javascript';
	views: Record<string, ViewSource>;
	/** `_changes` filters (`filter=<design>/<name>`), by name. */
	filters?: Record<string, string>;
};

/** The folder of this file: design sources sit beside it. */
export const DESIGN_ROOT = dirname(fileURLToPath(import.meta.url));

const EXPORT_PREFIX = 'export default ';
const BUILT_IN_REDUCE = /^'(_count|_sum|_stats)';?$/;

/** The source CouchDB stores: the default export, without the module around it. */
export function functionSource(fileText: string, file = 'design function'): string {
	const start = fileText.indexOf(EXPORT_PREFIX);
	if (start < 0) throw new Error(`${file}: expected \`${EXPORT_PREFIX}function (…) {…}\``);
	const source = fileText
		.slice(start + EXPORT_PREFIX.length)
		.trim()
		.replace(/;$/, '');
	const builtIn = BUILT_IN_REDUCE.exec(source);
	if (builtIn) return builtIn[1];
	if (!source.startsWith('function')) {
		throw new Error(`${file}: the default export must be a function or a built-in reduce`);
	}
	return source;
}

function readFunction(file: string): string {
	return functionSource(readFileSync(file, 'utf8'), file);
}

function compileFilters(filtersDir: string): Record<string, string> {
	const filters: Record<string, string> = {};
	for (const file of readdirSync(filtersDir).sort()) {
		if (!file.endsWith('.js')) continue;
		const source = readFunction(join(filtersDir, file));
		if (!source.startsWith('function')) throw new Error(`${file}: a filter must be a function`);
		filters[file.slice(0, -'.js'.length)] = source;
	}
	return filters;
}

/** Builds `_design/<name>` from `<folder>/views/*` and `<folder>/filters/*` (either may be absent). */
export function compileDesignDoc(folder: string, name: string): DesignDoc {
	const viewsDir = join(folder, 'views');
	const filtersDir = join(folder, 'filters');
	const views: Record<string, ViewSource> = {};
	for (const view of existsSync(viewsDir) ? readdirSync(viewsDir).sort() : []) {
		const mapFile = join(viewsDir, view, 'map.js');
		if (!existsSync(mapFile)) throw new Error(`${join(viewsDir, view)}: map.js is missing`);
		const reduceFile = join(viewsDir, view, 'reduce.js');
		views[view] = existsSync(reduceFile)
			? { map: readFunction(mapFile), reduce: readFunction(reduceFile) }
			: { map: readFunction(mapFile) };
	}
	const design: DesignDoc = { _id: `_design/${name}`, language: 'javascript', views };
	if (existsSync(filtersDir)) design.filters = compileFilters(filtersDir);
	return design;
}
