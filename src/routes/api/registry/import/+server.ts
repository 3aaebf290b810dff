// Importing the ward's population registry extract (ward staff): see
// `$lib/server/registry/import-endpoint`.

import type { RequestHandler } from '@sveltejs/kit';
import { handleRegistryImport } from '$lib/server/registry/import-endpoint';

export const POST: RequestHandler = (event) => handleRegistryImport(event);
