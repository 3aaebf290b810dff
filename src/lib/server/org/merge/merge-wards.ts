// Merging wards (as the 2025 reform merged 273 wards of the old city into 102), in steps that
// are each safe to run again, so the whole is resumable and idempotent:
//   1. the new ward's database (made if missing, with its design documents);
//   2. the org tree: the new ward and its groups made, the old wards and groups marked
//      `merged_into` (from here the progress roll-up counts the new ward only);
//   3. the accounts that name an old ward or group, rewritten to the new codes; then a pause
//      as long as the app servers cache a signed-in user, after which no device writes to
//      the old databases any more;
//   4. every record of the old databases copied into the new one, `ward` and `group`
//      rewritten, ids kept;
//   5. the households' QR codes pointed at the new ward, and the accounts once more (a
//      household that claimed its code during the copy).
// The old databases are left as they are, for checking and for history.

import type { CouchClient } from '../../couch/client';
import { logEvent } from '../../log';
import { writeOrgDocs } from '../org-writes';
import { loadOrgTree } from '../tree';
import type { WardProvisioner } from '../ward-provisioner';
import { rewriteAccounts } from './accounts';
import { copyWardRecords, emptyCounts, type CopyCounts } from './copy-records';
import { planMerge, type MergeRequest } from './merge-plan';
import { mergeUnitDocs } from './merge-units';
import { rewriteQrWards } from './qr-wards';

/** As long as an app server trusts a cached signed-in user (USER_CACHE_MS, 30 s), and a
 * little more: after it, a device of a moved account reaches the new ward only. */
export const SETTLE_MS = 35_000;

export type MergeOptions = {
	wards: WardProvisioner;
	now?: Date;
	/** Wait after rewriting the accounts; 0 in tests, where no app server caches anyone. */
	settleMs?: number;
	onStep?: (step: string) => void;
};

export type MergeSummary = {
	into: string;
	sources: string[];
	groups: { from: string; to: string }[];
	database_made: boolean;
	org_units_written: number;
	accounts_rewritten: number;
	records: CopyCounts;
	qr_codes_rewritten: number;
	elapsed_ms: number;
};

function add(total: CopyCounts, more: CopyCounts): CopyCounts {
	const byType = { ...total.by_type };
	for (const [type, count] of Object.entries(more.by_type)) {
		byType[type] = (byType[type] ?? 0) + count;
	}
	return {
		read: total.read + more.read,
		written: total.written + more.written,
		present: total.present + more.present,
		recopied: total.recopied + more.recopied,
		bare_tombstones: total.bare_tombstones + more.bare_tombstones,
		by_type: byType
	};
}

export async function mergeWards(
	client: CouchClient,
	request: MergeRequest,
	options: MergeOptions
): Promise<MergeSummary> {
	const started = performance.now();
	const step = options.onStep ?? (() => {});
	const tree = await loadOrgTree(client);
	const plan = planMerge(request, tree);

	step(`database ward_${plan.into}`);
	const isDatabaseMade = await options.wards.provision(plan.into);

	step('org tree');
	const docs = mergeUnitDocs(tree, plan, options.now ?? new Date());
	const orgWritten = await writeOrgDocs(client, docs);

	step('accounts');
	const accounts = new Set(await rewriteAccounts(client, plan.codes));
	const settleMs = options.settleMs ?? SETTLE_MS;
	if (accounts.size > 0 && settleMs > 0) {
		step(`waiting ${Math.round(settleMs / 1000)} s for app servers to drop cached accounts`);
		await new Promise((resolve) => setTimeout(resolve, settleMs));
	}

	let records = emptyCounts();
	const households: string[] = [];
	for (const source of plan.sources) {
		step(`records of ward_${source}`);
		const counts = await copyWardRecords(client, source, plan.into, plan.codes, (_, found) =>
			households.push(...found)
		);
		records = add(records, counts);
	}

	step('QR codes');
	const qr = await rewriteQrWards(client, households, new Set(plan.sources), plan.into);
	for (const username of await rewriteAccounts(client, plan.codes)) accounts.add(username);

	const summary: MergeSummary = {
		into: plan.into,
		sources: plan.sources,
		groups: plan.groups.map(({ from, to }) => ({ from, to })),
		database_made: isDatabaseMade,
		org_units_written: orgWritten,
		accounts_rewritten: accounts.size,
		records,
		qr_codes_rewritten: qr,
		elapsed_ms: Math.round(performance.now() - started)
	};
	logEvent('info', 'org.wards_merged', {
		into: summary.into,
		sources: summary.sources,
		org_units_written: orgWritten,
		accounts_rewritten: summary.accounts_rewritten,
		records_read: records.read,
		records_written: records.written,
		elapsed_ms: summary.elapsed_ms
	});
	return summary;
}
