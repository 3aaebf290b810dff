// `npm run org:import -- <file.csv> [--dry-run]`: imports org units from a CSV into hssk_org
// (columns in docs/data-model.md), making a database for every new ward. Nothing is written
// unless every row is good; the problems are printed by line. Exit code 1 when refused.

import { readFileSync } from 'node:fs';
import type { ImportReport } from '../src/lib/domain/org-import-report';
import { CouchClient } from '../src/lib/server/couch/client';
import { importOrgUnits } from '../src/lib/server/org/import';
import { wardProvisioner } from '../src/lib/server/org/ward-provisioner';
import { runScript, scriptCouchConfig } from './cli-couch';
import { wardDesignDocs } from './design/documents';
import { provision } from './provision';

const USAGE = 'npm run org:import -- <file.csv> [--dry-run]';

export function describeReport(report: ImportReport): string[] {
	if (!report.ok) {
		return [
			`Tệp bị từ chối, không ghi gì / The file was refused, nothing written (${report.problems.length}):`,
			...report.problems.map((problem) => `  dòng / line ${problem.line}: ${problem.reason}`)
		];
	}
	const changed = (unit: ImportReport['updated'][number]) =>
		`  ~ ${unit.code} ${unit.name} (${unit.changes.join(', ')})`;
	return [
		report.dry_run
			? `Chạy thử, chưa ghi gì / Dry run, nothing written: ${report.rows} dòng / rows`
			: `Đã nhập / Imported ${report.rows} dòng / rows in ${report.elapsed_ms} ms`,
		`  tạo mới / created:    ${report.created.length}`,
		`  cập nhật / updated:   ${report.updated.length}`,
		`  giữ nguyên / unchanged: ${report.unchanged}`,
		`  đường dẫn bên dưới / paths below rewritten: ${report.paths_rewritten}`,
		`  CSDL phường mới / ward databases ${report.dry_run ? 'to make' : 'made'}: ${report.wards_provisioned.join(', ') || '-'}`,
		...report.created.map((unit) => `  + ${unit.code} ${unit.name}`),
		...report.updated.map(changed),
		...(report.dry_run ? [] : [`  tài liệu đã ghi / documents written: ${report.written}`])
	];
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const dryRun = args.includes('--dry-run');
	const files = args.filter((arg) => !arg.startsWith('--'));
	if (files.length !== 1) throw new Error(`Usage: ${USAGE}`);
	const client = new CouchClient(scriptCouchConfig());
	await provision(client, []);
	const report = await importOrgUnits(client, new Uint8Array(readFileSync(files[0])), {
		dryRun,
		wards: wardProvisioner(client, wardDesignDocs())
	});
	for (const line of describeReport(report)) console.log(line);
	if (!report.ok) process.exitCode = 1;
}

runScript(main);
