// Preloaded into the embedded PouchDB Server (couch/embedded.ts). PouchDB's map/reduce runs
// every call of a design document's map function in a brand-new V8 context
// (`vm.runInNewContext`, pouchdb-mapreduce), about a millisecond each, which made building a
// ward's progress views take minutes. Apache CouchDB keeps one JavaScript process per view
// group instead; this does the same with one context for all of PouchDB's map and reduce
// calls, still apart from the server's own globals. Only that code is affected.
'use strict';
// A `--require` preload runs before any ES module loader: it has to be CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vm = require('node:vm');

const MAPREDUCE_PREFIX = '(function() {"use strict";var createBuiltInError = ';
const runInNewContext = vm.runInNewContext;
let shared = null;

vm.runInNewContext = function (code, contextObject, options) {
	if (
		typeof code === 'string' &&
		contextObject === undefined &&
		code.startsWith(MAPREDUCE_PREFIX)
	) {
		shared = shared ?? vm.createContext({});
		return vm.runInContext(code, shared, options);
	}
	return runInNewContext.call(vm, code, contextObject, options);
};
