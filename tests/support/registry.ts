// Registry extracts for the tests: lines of a CSV from households and their members, and the
// import API as ward staff call it.

import type { RegistryImportReport } from '../../src/lib/domain';
import type { Stack } from './stack';

export const REGISTRY_HEADER =
	'household_code,group,address,citizen_id,full_name,birth_date,sex,relation\n';

export type ExtractMemberLine = {
	citizen_id?: string;
	full_name: string;
	birth_date: string;
	sex: 'Nam' | 'Nữ';
	relation: string;
};

export type ExtractHouseholdLines = {
	code: string;
	group: string;
	address: string;
	members: ExtractMemberLine[];
};

function cell(value: string): string {
	return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function extractCsv(households: readonly ExtractHouseholdLines[]): string {
	const lines = households.flatMap((household) =>
		household.members.map((member) =>
			[
				household.code,
				household.group,
				household.address,
				member.citizen_id ?? '',
				member.full_name,
				member.birth_date,
				member.sex,
				member.relation
			]
				.map(cell)
				.join(',')
		)
	);
	return REGISTRY_HEADER + lines.join('\n') + '\n';
}

export type ImportAnswer = { status: number; report?: RegistryImportReport; text: string };

export async function sendExtract(
	stack: Stack,
	body: BodyInit,
	options: { cookie?: string; dryRun?: boolean } = {}
): Promise<ImportAnswer> {
	const response = await fetch(
		`${stack.appUrl}/api/registry/import${options.dryRun ? '?dry_run=1' : ''}`,
		{
			method: 'POST',
			headers: {
				'content-type': 'application/octet-stream',
				...(options.cookie ? { cookie: options.cookie } : {})
			},
			body
		}
	);
	const text = await response.text();
	const parsed = response.headers.get('content-type')?.includes('application/json')
		? (JSON.parse(text) as { report?: RegistryImportReport })
		: {};
	return { status: response.status, report: parsed.report, text };
}
