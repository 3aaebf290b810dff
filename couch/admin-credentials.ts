// The CouchDB admin account of the embedded server: from COUCHDB_USER/COUCHDB_PASSWORD when
// set, otherwise generated on the first start and kept in .data/couch-admin.json (readable by
// this user only), so the data on disk stays reachable across restarts.

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type AdminCredentials = { user: string; password: string };

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = join(PROJECT_ROOT, '.data');
export const ADMIN_FILE = join(DATA_DIR, 'couch-admin.json');

export function storedCredentials(): AdminCredentials | null {
	if (!existsSync(ADMIN_FILE)) return null;
	const stored = JSON.parse(readFileSync(ADMIN_FILE, 'utf8')) as Partial<AdminCredentials>;
	if (typeof stored.user !== 'string' || typeof stored.password !== 'string') {
		throw new Error(`${ADMIN_FILE} is damaged: delete it together with .data/couch to start over`);
	}
	return { user: stored.user, password: stored.password };
}

export function adminCredentials(
	env: Record<string, string | undefined> = process.env
): AdminCredentials {
	if (env.COUCHDB_USER && env.COUCHDB_PASSWORD) {
		return { user: env.COUCHDB_USER, password: env.COUCHDB_PASSWORD };
	}
	const stored = storedCredentials();
	if (stored) return stored;
	const generated = { user: 'admin', password: randomBytes(24).toString('base64url') };
	mkdirSync(DATA_DIR, { recursive: true });
	writeFileSync(ADMIN_FILE, JSON.stringify(generated, null, 2) + '\n', { mode: 0o600 });
	chmodSync(ADMIN_FILE, 0o600);
	return generated;
}
