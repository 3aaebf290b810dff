// The domain module is shared by the device, the server and the CouchDB scripts, so it must
// not pull in a UI framework, the device database or server-only code.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN =
	/from '(svelte[^']*|rxdb[^']*|dexie|\$lib\/(db|sync|server|ui)[^']*|\$app\/[^']*|node:[^']*)'/;

describe('domain layering', () => {
	it('imports neither Svelte, RxDB, server code nor Node built-ins', () => {
		const dir = import.meta.dirname;
		const offenders = readdirSync(dir)
			.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
			.filter((file) => FORBIDDEN.test(readFileSync(join(dir, file), 'utf8')));
		expect(offenders).toEqual([]);
	});
});
