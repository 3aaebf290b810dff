// `POST /api/org/import`: an administrator sends a CSV of org units as the request body;
// `?dry_run=1` only checks it and says what would change (see `answerImport`); the progress
// lines let the admin screen show a real progress bar while the wards' databases are made.

import type { RequestEvent } from '@sveltejs/kit';
import { AUDIT_TREE_UNIT, type ImportReport } from '$lib/domain';
import { audit } from '../audit';
import type { Caller } from '../auth/authenticator';
import { authenticate } from '../auth/caller';
import { couch } from '../config';
import { refusal } from '../http';
import { answerImport, importFailure, type ImportFailure } from '../import-answer';
import { logEvent } from '../log';
import { importOrgUnits } from './import';
import { OrgWriteConflict } from './org-writes';
import { wardProvisioner, type WardProvisioner } from './ward-provisioner';
import { bundledWardDesignDocs } from './ward-designs';

export const MAX_CSV_BYTES = 5 * 1024 * 1024;

let provisioner: WardProvisioner | undefined;

function wards(): WardProvisioner {
	provisioner ??= wardProvisioner(couch(), bundledWardDesignDocs());
	return provisioner;
}

function failure(error: unknown): ImportFailure {
	return importFailure(
		error,
		{ is: error instanceof OrgWriteConflict, key: 'org.write_conflict' },
		'org.import_failed'
	);
}

function logged(report: ImportReport, caller: Caller): ImportReport {
	if (!report.dry_run && report.written > 0) {
		audit(caller, { unit: AUDIT_TREE_UNIT, action: 'org.imported', count: report.written });
	}
	logEvent('info', report.dry_run ? 'org.import_checked' : 'org.imported', {
		user: caller.user.username,
		ok: report.ok,
		rows: report.rows,
		problems: report.problems.length,
		created: report.created.length,
		updated: report.updated.length,
		unchanged: report.unchanged,
		written: report.written,
		wards_provisioned: report.wards_provisioned.length,
		elapsed_ms: report.elapsed_ms
	});
	return report;
}

export async function handleImport(event: RequestEvent): Promise<Response> {
	const auth = await authenticate(event);
	if (!auth.ok) return refusal(auth.status, auth.key);
	const { user } = auth.caller;
	if (user.role !== 'admin') return refusal(403, 'org.admin_only');
	return answerImport(event, {
		maxBytes: MAX_CSV_BYTES,
		tooLargeKey: 'org.csv_too_large',
		failure,
		run: (bytes, dryRun, onProgress) =>
			importOrgUnits(couch(), bytes, { dryRun, wards: wards(), onProgress }).then((report) =>
				logged(report, auth.caller)
			)
	});
}
