// `npm run registry:import -- <file> --ward <code> [--dry-run] [--by <username>]`: imports a
// ward's population registry extract (CSV or JSON lines; UTF-8 or Windows-1258; columns in
// docs/data-model.md) into the ward database. Nothing is written unless every line is good;
// the problems are printed by line. Running it again writes nothing; a run killed midway is
// finished by the next. Exit code 1 when refused.

import { readFileSync } from 'node:fs';
import type { RegistryImportReport } from '../src/lib/domain/registry-import-report';
import { CouchClient } from '../src/lib/server/couch/client';
import { importRegistryExtract } from '../src/lib/server/registry/import';
import { runScript, scriptCouchConfig } from './cli-couch';

const USAGE = 'npm run registry:import -- <file> --ward <code> [--dry-run] [--by <username>]';
/** The entries of each list printed; the counts above them are complete. */
const SHOWN = 20;

function option(args: readonly string[], name: string): string | undefined {
	const index = args.indexOf(name);
	return index >= 0 ? args[index + 1] : undefined;
}

export function describeRegistryReport(report: RegistryImportReport): string[] {
	if (!report.ok) {
		return [
			`Tệp bị từ chối, không ghi gì / The file was refused, nothing written (${report.problems.length}):`,
			...report.problems.map((problem) => `  dòng / line ${problem.line}: ${problem.reason}`)
		];
	}
	const { counts } = report;
	const list = <T>(title: string, items: readonly T[], line: (item: T) => string) =>
		items.length === 0
			? []
			: [
					`  ${title}:`,
					...items.slice(0, SHOWN).map((item) => `    ${line(item)}`),
					...(items.length > SHOWN ? [`    … +${items.length - SHOWN}`] : [])
				];
	return [
		report.dry_run
			? `Chạy thử, chưa ghi gì / Dry run, nothing written: ${report.rows} dòng / rows (${report.format}, ${report.encoding})`
			: `Đã nhập / Imported ${report.rows} dòng / rows (${report.format}, ${report.encoding}) in ${report.elapsed_ms} ms`,
		`  hộ / households:  ${report.households}, người / persons: ${report.persons}`,
		`  tạo mới / created:     ${counts.households_created} hộ / households, ${counts.persons_created} người / persons`,
		`  cập nhật / updated:    ${counts.households_updated} hộ / households, ${counts.persons_updated} người / persons`,
		`  giữ nguyên / unchanged: ${counts.households_unchanged} hộ / households, ${counts.persons_unchanged} người / persons`,
		`  xung đột / conflicts:  ${counts.conflicts}`,
		`  cần xem lại / to review: ${counts.reviews_created}`,
		...list(
			'tạo mới / created',
			report.created,
			(entry) => `+ dòng ${entry.line} ${entry.kind} ${entry.household_code} ${entry.name}`
		),
		...list(
			'cập nhật / updated',
			report.updated,
			(entry) => `~ dòng ${entry.line} ${entry.kind} ${entry.name} (${entry.changes.join(', ')})`
		),
		...list(
			'xung đột / conflicts',
			report.conflicts,
			(conflict) => `! dòng ${conflict.line}: ${conflict.reason}`
		),
		...list(
			'cần xem lại / to review',
			report.reviews,
			(review) => `? dòng ${review.line}: ${review.names.join(' ~ ')} (${review.kinds.join(', ')})`
		),
		...(report.dry_run ? [] : [`  tài liệu đã ghi / documents written: ${report.written}`])
	];
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const ward = option(args, '--ward');
	const by = option(args, '--by') ?? 'registry-import';
	const files = args.filter(
		(arg, index) => !arg.startsWith('--') && !['--ward', '--by'].includes(args[index - 1] ?? '')
	);
	if (files.length !== 1 || !ward) throw new Error(`Usage: ${USAGE}`);
	const client = new CouchClient(scriptCouchConfig());
	const report = await importRegistryExtract(client, new Uint8Array(readFileSync(files[0])), {
		ward,
		dryRun: args.includes('--dry-run'),
		user: by,
		onProgress: ({ done, total }) => {
			if (total > 0) process.stderr.write(`\r${done}/${total}`);
		}
	});
	process.stderr.write('\n');
	for (const line of describeRegistryReport(report)) console.log(line);
	if (!report.ok) process.exitCode = 1;
}

runScript(main);
