// `npm run wards:merge -- --into <new ward code> --name "<name>" --parent <code> <source ward
// codes…>`: merges wards into one (see src/lib/server/org/merge/merge-wards.ts for the
// steps). Safe to run again, after a crash or after it finished: it does only what is left.
// `--no-wait` skips the pause for app servers' cached accounts (no app server running).

import { parseArgs } from 'node:util';
import { CouchClient } from '../src/lib/server/couch/client';
import { mergeWards, SETTLE_MS } from '../src/lib/server/org/merge/merge-wards';
import { wardProvisioner } from '../src/lib/server/org/ward-provisioner';
import { runScript, scriptCouchConfig } from './cli-couch';
import { wardDesignDocs } from './design/documents';
import { provision } from './provision';

const USAGE =
	'npm run wards:merge -- --into <new ward code> --name "<name>" --parent <code> [--no-wait] <source ward codes…>';

async function main(): Promise<void> {
	const { values, positionals } = parseArgs({
		options: {
			into: { type: 'string' },
			name: { type: 'string' },
			parent: { type: 'string' },
			'no-wait': { type: 'boolean', default: false }
		},
		allowPositionals: true
	});
	if (!values.into || !values.name || !values.parent || positionals.length === 0) {
		throw new Error(`Usage: ${USAGE}`);
	}
	const client = new CouchClient(scriptCouchConfig());
	// The accounts view in hssk_users, which finds the accounts to rewrite.
	await provision(client, []);
	const summary = await mergeWards(
		client,
		{ into: values.into, name: values.name, parent: values.parent, sources: positionals },
		{
			wards: wardProvisioner(client, wardDesignDocs()),
			settleMs: values['no-wait'] ? 0 : SETTLE_MS,
			onStep: (step) => console.log(`… ${step}`)
		}
	);
	const { records } = summary;
	console.log(
		`Gộp / Merged ${summary.sources.join(', ')} → ${summary.into} in ${summary.elapsed_ms} ms`
	);
	console.log(
		`  tổ / groups: ${summary.groups.map((group) => `${group.from}→${group.to}`).join(', ')}`
	);
	console.log(`  đơn vị đã ghi / org units written: ${summary.org_units_written}`);
	console.log(`  tài khoản / accounts rewritten: ${summary.accounts_rewritten}`);
	console.log(
		`  hồ sơ / records: ${records.read} read, ${records.written} written, ${records.present} already there, ${records.recopied} copied again, ${records.bare_tombstones} bare tombstones left`
	);
	console.log(`  theo loại / by type: ${JSON.stringify(records.by_type)}`);
	console.log(`  mã QR / QR codes pointed at the new ward: ${summary.qr_codes_rewritten}`);
}

runScript(main);
