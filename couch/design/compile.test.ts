import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { functionSource } from './compile';
import { auditDesignDocs, orgDesignDocs, usersDesignDocs, wardDesignDocs } from './documents';

/** Methods newer than ES5 that CouchDB's SpiderMonkey may lack. */
const POST_ES5_METHODS = [
	'includes',
	'startsWith',
	'endsWith',
	'padStart',
	'padEnd',
	'repeat',
	'find',
	'findIndex',
	'fill',
	'flat',
	'flatMap',
	'assign',
	'entries',
	'fromEntries',
	'trimStart',
	'trimEnd',
	'at'
];

const ES5_ONLY: Linter.Config[] = [
	{
		languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: { emit: 'readonly' } },
		rules: {
			'no-undef': 'error',
			'no-restricted-properties': [
				'error',
				...POST_ES5_METHODS.map((property) => ({ property, message: 'not in ES5' }))
			]
		}
	}
];

function es5Problems(source: string): string[] {
	return new Linter().verify(`(${source});`, ES5_ONLY).map((problem) => problem.message);
}

describe('design function sources', () => {
	it('keep the default export only', () => {
		const text = '// why\nexport default function (doc) {\n\temit(doc._id, null);\n}\n';
		expect(functionSource(text)).toBe('function (doc) {\n\temit(doc._id, null);\n}');
	});

	it('read a built-in reduce by name', () => {
		expect(functionSource("export default '_count';\n")).toBe('_count');
		expect(functionSource("export default '_stats'")).toBe('_stats');
	});

	it('refuse a file without a function', () => {
		expect(() => functionSource('emit(1)', 'x.js')).toThrow(/x\.js/);
		expect(() => functionSource("export default '_median';", 'y.js')).toThrow(/y\.js/);
	});

	it('the ES5 check catches what SpiderMonkey 1.8.5 would not run', () => {
		expect(es5Problems('function (doc) { const a = doc.a; emit(a, null); }')).not.toEqual([]);
		expect(es5Problems('function (doc) { emit(doc.tags.map((tag) => tag), null); }')).not.toEqual(
			[]
		);
		expect(es5Problems("function (doc) { if (doc.tags.includes('x')) emit(1, null); }")).toEqual([
			"'includes' is restricted from being used. not in ES5"
		]);
		expect(es5Problems('function (doc) { emit(new Set(doc.tags), null); }')).toEqual([
			"'Set' is not defined."
		]);
	});
});

describe('compiled design documents', () => {
	const designs = [
		...wardDesignDocs(),
		...orgDesignDocs(),
		...usersDesignDocs(),
		...auditDesignDocs()
	];

	it('name every view of the ward and the org tree', () => {
		expect(designs.map((design) => design._id)).toEqual([
			'_design/progress',
			'_design/gateway',
			'_design/claim',
			'_design/identity',
			'_design/tree',
			'_design/accounts',
			'_design/audit'
		]);
		expect(Object.keys(designs[0].views)).toEqual([
			'declarations_by_group_channel_day',
			'households_by_group',
			'latest_declaration_by_member',
			'persons_by_group'
		]);
		expect(Object.keys(designs[2].views)).toEqual(['members_by_household']);
		expect(Object.keys(designs[3].views)).toEqual([
			'declarations_by_person',
			'persons_by_identity'
		]);
	});

	it('keep the audit trail append-only, and validate nothing else', () => {
		const validating = designs
			.filter((design) => design.validate_doc_update !== undefined)
			.map((design) => design._id);
		expect(validating).toEqual(['_design/audit']);
	});

	it('give the gateway its scope filter, and nothing else a filter', () => {
		const filtering = designs
			.filter((design) => Object.keys(design.filters ?? {}).length > 0)
			.map((design) => [design._id, Object.keys(design.filters ?? {})]);
		expect(filtering).toEqual([['_design/gateway', ['scope']]]);
	});

	it('hold only ES5 that CouchDB 3 and PouchDB both run', () => {
		for (const design of designs) {
			for (const [name, view] of Object.entries(design.views)) {
				expect(es5Problems(view.map), `${design._id} ${name} map`).toEqual([]);
				if (view.reduce && !view.reduce.startsWith('_')) {
					expect(es5Problems(view.reduce), `${design._id} ${name} reduce`).toEqual([]);
				}
			}
			for (const [name, filter] of Object.entries(design.filters ?? {})) {
				expect(es5Problems(filter), `${design._id} ${name} filter`).toEqual([]);
			}
			if (design.validate_doc_update) {
				expect(es5Problems(design.validate_doc_update), `${design._id} validation`).toEqual([]);
			}
		}
	});
});
