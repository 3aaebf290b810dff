// `npm run org:move -- <code> <new parent code>`: puts a unit under another parent,
// rewriting `path` of the unit and of every unit below it in hssk_org, and nothing in any
// ward database. Refuses a move under itself or under a level the unit cannot sit under.

import { CouchClient } from '../src/lib/server/couch/client';
import { moveUnit } from '../src/lib/server/org/move';
import { runScript, scriptCouchConfig } from './cli-couch';

const USAGE = 'npm run org:move -- <code> <new parent code>';

async function main(): Promise<void> {
	const [code, parent, ...rest] = process.argv.slice(2);
	if (!code || !parent || rest.length > 0) throw new Error(`Usage: ${USAGE}`);
	const client = new CouchClient(scriptCouchConfig());
	const result = await moveUnit(client, code, parent);
	console.log(
		result.written === 0
			? `${code} đã ở dưới / is already under ${parent}: không ghi gì / nothing written`
			: `${code} → ${parent}: ${result.written} đơn vị đã ghi / units written (${result.below} bên dưới / below)`
	);
}

runScript(main);
