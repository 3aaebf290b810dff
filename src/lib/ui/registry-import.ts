// Ward staff's registry import as the screen drives it: a dry run answered as JSON, then the
// real run read line by line so the progress bar follows the batches written.

import type { RegistryImportReport } from '$lib/domain';
import { sendImportFile, type ImportProgress } from './org-import';

export const REGISTRY_IMPORT_ENDPOINT = '/api/registry/import';
const CONTENT_TYPE = 'application/octet-stream';

export function checkRegistryFile(bytes: ArrayBuffer, fetcher: typeof fetch = fetch) {
	return sendImportFile<RegistryImportReport>(
		REGISTRY_IMPORT_ENDPOINT,
		bytes,
		true,
		() => {},
		fetcher,
		CONTENT_TYPE
	);
}

export function importRegistryFile(
	bytes: ArrayBuffer,
	onProgress: (progress: ImportProgress) => void,
	fetcher: typeof fetch = fetch
) {
	return sendImportFile<RegistryImportReport>(
		REGISTRY_IMPORT_ENDPOINT,
		bytes,
		false,
		onProgress,
		fetcher,
		CONTENT_TYPE
	);
}
