// The newest consent text version of the ward a batch writes to, read only when the batch
// holds a declaration naming a version: the gateway refuses a version the ward does not have
// (write-rules.ts), and a batch of households or people costs no look-up.

import { latestConsentVersion } from '../consent/texts';
import type { GatewayContext } from './context';

function namedVersion(doc: unknown): number | null {
	if (typeof doc !== 'object' || doc === null) return null;
	const consent = (doc as { consent?: unknown }).consent;
	if (typeof consent !== 'object' || consent === null) return null;
	const version = (consent as { text_version?: unknown }).text_version;
	return typeof version === 'number' && Number.isFinite(version) ? version : null;
}

export async function batchConsentVersion(
	context: GatewayContext,
	docs: readonly unknown[]
): Promise<number | undefined> {
	const versions = docs.map(namedVersion).filter((version): version is number => version !== null);
	if (versions.length === 0) return undefined;
	return latestConsentVersion(context.client, context.scope.ward, Math.max(...versions));
}
