// Secrets come from the environment only, and in production none of them may be a value
// anyone can read in this repository (the example file's placeholders, the demo password) or
// one short enough to guess: the server refuses to start instead of running with it.

import { DEMO_PASSWORD } from '../../../couch/seed/demo';
import { isProduction } from './config';

/** Written in couch/production/example.env and the docs for people to replace. */
const PUBLIC_VALUES: ReadonlySet<string> = new Set([
	'replace-with-a-long-random-password',
	'replace-with-a-long-random-secret',
	DEMO_PASSWORD,
	'admin',
	'password',
	'couchdb'
]);
export const MIN_SECRET_LENGTH = 16;

/** What is wrong with the environment for a production start; empty when nothing is. */
export function productionSecretProblems(env: Record<string, string | undefined>): string[] {
	if (!isProduction(env)) return [];
	const problems: string[] = [];
	const password = env.COUCHDB_PASSWORD;
	if (!env.COUCHDB_USER) problems.push('COUCHDB_USER is not set');
	if (!password) problems.push('COUCHDB_PASSWORD is not set');
	else if (PUBLIC_VALUES.has(password)) {
		problems.push('COUCHDB_PASSWORD is a value published in this repository');
	} else if (password.length < MIN_SECRET_LENGTH) {
		problems.push(`COUCHDB_PASSWORD is shorter than ${MIN_SECRET_LENGTH} characters`);
	}
	// Without it adapter-node trusts the Host header, and the origin check of forms with it.
	if (!env.ORIGIN) problems.push('ORIGIN is not set (the public address, e.g. https://…)');
	return problems;
}

export function assertProductionSecrets(env: Record<string, string | undefined> = process.env) {
	const problems = productionSecretProblems(env);
	if (problems.length > 0) {
		throw new Error(`Refusing to start in production: ${problems.join('; ')}`);
	}
}
