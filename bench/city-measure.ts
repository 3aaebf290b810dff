// What the progress benchmark asks of the running app server, as a supervisor and as a
// collaborator would, and what it reads back from the app server's log.

import { get } from 'node:http';
import { DEMO_PASSWORD } from '../couch/seed/demo';
import { toCouchDoc, type DemoWard } from '../couch/seed/seed-demo';
import { relocatedWard } from '../couch/seed/relocate';
import { newId, wardDatabaseName } from '../src/lib/domain/ids';
import type { Declaration } from '../src/lib/domain/declaration';
import type { ProgressCounts } from '../src/lib/domain/progress';
import type { Stack } from '../tests/support/stack';

export async function signIn(appUrl: string, username: string): Promise<string> {
	const response = await fetch(`${appUrl}/api/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: DEMO_PASSWORD, device_id: `bench-${username}` })
	});
	if (response.status !== 200)
		throw new Error(`sign-in of ${username} answered ${response.status}`);
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.find((pair) => pair.startsWith('hssk_session='));
	if (!cookie) throw new Error('sign-in set no session cookie');
	await response.arrayBuffer();
	return cookie;
}

/** One request through the app's session handling, so the first measure leaves out start-up. */
export async function warmUp(appUrl: string, cookie: string): Promise<void> {
	const response = await fetch(`${appUrl}/api/session`, { headers: { cookie } });
	if (response.status !== 200) throw new Error(`GET /api/session answered ${response.status}`);
	await response.arrayBuffer();
}

export type UnitAnswer = {
	unit: { code: string };
	counts: ProgressCounts;
	children: { code: string }[];
};

/** A GET with no time limit: fetch gives up on headers after 300 s, and a cold city of 50
 * wards on a busy machine can come near that. */
function getText(url: string, cookie: string): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const request = get(url, { headers: { cookie } }, (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (text += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
			response.on('error', reject);
		});
		request.on('error', reject);
	});
}

/** `GET /api/progress?unit=<code>`, timed to the last byte of the answer. */
export async function timedProgress(
	appUrl: string,
	cookie: string,
	unit: string
): Promise<{ seconds: number; answer: UnitAnswer }> {
	const started = performance.now();
	const { status, text } = await getText(`${appUrl}/api/progress?unit=${unit}`, cookie);
	const seconds = (performance.now() - started) / 1000;
	if (status !== 200) throw new Error(`progress of ${unit}: ${status} ${text}`);
	return { seconds, answer: JSON.parse(text) as UnitAnswer };
}

export type LogLine = { event?: string } & Record<string, unknown>;

export function logLines(text: string, event: string): LogLine[] {
	return text
		.split('\n')
		.filter((line) => line.includes(`"event":"${event}"`))
		.map((line) => JSON.parse(line) as LogLine);
}

/** Waits for the app server's log (from `offset` on) to say the progress cache is warm. */
export async function untilWarmed(stack: Stack, offset: number): Promise<LogLine> {
	const deadline = Date.now() + 60 * 60_000;
	while (Date.now() < deadline) {
		const [line] = logLines(stack.appLog().slice(offset), 'progress.warmed');
		if (line) return line;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error('the app server did not log progress.warmed within an hour');
}

/** A new door-to-door declaration by ctv-demo for a person of group 26956-01, made now. */
export function newDeclaration(base: DemoWard, ward: string): Record<string, unknown> {
	const template = relocatedWard({ ...base, households: [], persons: [] }, ward).declarations.find(
		(record): record is Declaration =>
			record.type === 'declaration' &&
			record.group === `${ward}-01` &&
			record.channel === 'door_to_door' &&
			!record.corrects
	);
	if (!template) throw new Error(`no door-to-door declaration in ${ward}-01 to copy`);
	const now = new Date().toISOString();
	const declaration: Declaration = {
		...template,
		id: newId('declaration'),
		declared_at: now,
		declared_by: 'ctv-demo',
		role: 'collaborator',
		audit: {
			...template.audit,
			created_at: now,
			created_by: 'ctv-demo',
			updated_at: now,
			updated_by: 'ctv-demo'
		}
	};
	// The server stamps what it accepts.
	delete declaration.stamp;
	return toCouchDoc(declaration);
}

/** Pushes one document through the sync gateway, as the collaborator's phone would. */
export async function pushThroughGateway(
	appUrl: string,
	cookie: string,
	ward: string,
	doc: Record<string, unknown>
): Promise<void> {
	const response = await fetch(`${appUrl}/db/${wardDatabaseName(ward)}/_bulk_docs`, {
		method: 'POST',
		headers: { cookie, 'content-type': 'application/json' },
		body: JSON.stringify({ docs: [doc] })
	});
	const rows = (await response.json()) as { ok?: boolean; error?: string; reason?: string }[];
	if (response.status !== 201 || !rows[0]?.ok) {
		throw new Error(
			`the gateway refused the declaration: ${response.status} ${JSON.stringify(rows)}`
		);
	}
}

export function declaredThisWeek(counts: ProgressCounts): number {
	return counts.last_7_days.qr + counts.last_7_days.door_to_door;
}
