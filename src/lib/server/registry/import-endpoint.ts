// `POST /api/registry/import`: ward staff send their ward's registry extract as the request
// body; `?dry_run=1` only checks it and says what would change (see `answerImport`).

import type { RequestEvent } from '@sveltejs/kit';
import type { RegistryImportReport } from '$lib/domain';
import { authenticate } from '../auth/caller';
import { couch } from '../config';
import { refusal } from '../http';
import { answerImport, importFailure, type ImportFailure } from '../import-answer';
import { logEvent } from '../log';
import { wardProgressCache } from '../progress';
import { importRegistryExtract, RegistryWriteConflict } from './import';

export const MAX_EXTRACT_BYTES = 10 * 1024 * 1024;

function failure(error: unknown): ImportFailure {
	return importFailure(
		error,
		{ is: error instanceof RegistryWriteConflict, key: 'registry.write_conflict' },
		'registry.import_failed'
	);
}

function logged(report: RegistryImportReport, username: string): RegistryImportReport {
	logEvent('info', report.dry_run ? 'registry.import_checked' : 'registry.imported', {
		user: username,
		ward: report.ward,
		ok: report.ok,
		encoding: report.encoding,
		rows: report.rows,
		problems: report.problems.length,
		...report.counts,
		written: report.written,
		elapsed_ms: report.elapsed_ms
	});
	if (report.written > 0) wardProgressCache().forget(report.ward);
	return report;
}

export async function handleRegistryImport(event: RequestEvent): Promise<Response> {
	const auth = await authenticate(event);
	if (!auth.ok) return refusal(auth.status, auth.key);
	const { user } = auth.caller;
	if (user.role !== 'ward_staff' || !user.ward) return refusal(403, 'registry.staff_only');
	const ward = user.ward.code;
	return answerImport(event, {
		maxBytes: MAX_EXTRACT_BYTES,
		tooLargeKey: 'registry.too_large',
		failure,
		run: (bytes, dryRun, onProgress) =>
			importRegistryExtract(couch(), bytes, {
				ward,
				dryRun,
				user: user.username,
				onProgress
			}).then((report) => logged(report, user.username))
	});
}
