// Importing org units from a CSV (administrators only): see `$lib/server/org/import-endpoint`.

import type { RequestHandler } from '@sveltejs/kit';
import { handleImport } from '$lib/server/org/import-endpoint';

export const POST: RequestHandler = (event) => handleImport(event);
