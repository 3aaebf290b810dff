// Design documents are kept as code, one small file per function
// (`<folder>/views/<view>/map.js`, optional `reduce.js`; `<folder>/filters/<filter>.js`;
// `<folder>/validate_doc_update.js`), so
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
	/** Refuses writes the database must never take (`hssk_audit`: any change of an entry). */
	validate_doc_update?: string;
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

/** A design folder's files by their path inside it (`views/<view>/map.js`,
 * `filters/<name>.js`): read from disk by the scripts, bundled into the app server. */
export type DesignFiles = ReadonlyMap<string, string>;

const VALIDATE_FILE = 'validate_doc_update.js';

/** Builds `_design/<name>` from its files (views, filters and the validation may be absent). */
export function designDocFromFiles(name: string, files: DesignFiles): DesignDoc {
	const views: Record<string, ViewSource> = {};
	const filters: Record<string, string> = {};
	let hasFilters = false;
	for (const path of [...files.keys()].sort()) {
		const text = files.get(path) ?? '';
		const parts = path.split('/');
		if (parts[0] === 'views' && parts.length === 3 && parts[2] === 'map.js') {
			const reducePath = `views/${parts[1]}/reduce.js`;
			const reduce = files.get(reducePath);
			views[parts[1]] =
				reduce === undefined
					? { map: functionSource(text, path) }
					: { map: functionSource(text, path), reduce: functionSource(reduce, reducePath) };
		} else if (parts[0] === 'views' && parts.length === 3 && parts[2] === 'reduce.js') {
			if (!files.has(`views/${parts[1]}/map.js`)) {
				throw new Error(`${name}: views/${parts[1]}/map.js is missing`);
			}
		} else if (parts[0] === 'filters' && parts.length === 2 && path.endsWith('.js')) {
			const source = functionSource(text, path);
			if (!source.startsWith('function')) throw new Error(`${path}: a filter must be a function`);
			filters[parts[1].slice(0, -'.js'.length)] = source;
			hasFilters = true;
		}
	}
	const design: DesignDoc = { _id: `_design/${name}`, language: 'javascript', views };
	if (hasFilters) design.filters = filters;
	const validate = files.get(VALIDATE_FILE);
	if (validate !== undefined) {
		const source = functionSource(validate, VALIDATE_FILE);
		if (!source.startsWith('function')) throw new Error(`${VALIDATE_FILE} must be a function`);
		design.validate_doc_update = source;
	}
	return design;
}

function filesUnder(folder: string, prefix = ''): Map<string, string> {
	const files = new Map<string, string>();
	if (!existsSync(folder)) return files;
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const path = prefix + entry.name;
		if (entry.isDirectory()) {
			for (const [inner, text] of filesUnder(join(folder, entry.name), path + '/')) {
				files.set(inner, text);
			}
		} else if (entry.name.endsWith('.js')) {
			files.set(path, readFileSync(join(folder, entry.name), 'utf8'));
		}
	}
	return files;
}

/** Builds `_design/<name>` from `<folder>/views/*` and `<folder>/filters/*` on disk. */
export function compileDesignDoc(folder: string, name: string): DesignDoc {
	const viewsDir = join(folder, 'views');
	for (const view of existsSync(viewsDir) ? readdirSync(viewsDir) : []) {
		if (!existsSync(join(viewsDir, view, 'map.js'))) {
			throw new Error(`${join(viewsDir, view)}: map.js is missing`);
		}
	}
	const files = new Map(
		[...filesUnder(folder)].filter(
			([path]) => path.startsWith('views/') || path.startsWith('filters/') || path === VALIDATE_FILE
		)
	);
	return designDocFromFiles(name, files);
}
