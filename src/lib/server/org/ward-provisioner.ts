// A ward's database, made when the org tree gains the ward: created closed to all but the
// server admin, with the ward's design documents. It adds what is missing and never rewrites
// a design document that differs (that rebuilds an index: `npm run provision` decides it).

import { wardDatabaseName } from '$lib/domain';
import type { DesignDoc } from '../../../../couch/design/compile';
import type { CouchClient } from '../couch/client';

export type WardProvisioner = {
	exists(wardCode: string): Promise<boolean>;
	/** True when it created the database or a design document. */
	provision(wardCode: string): Promise<boolean>;
};

export function wardProvisioner(
	client: CouchClient,
	designs: readonly DesignDoc[]
): WardProvisioner {
	return {
		exists: (wardCode) => client.databaseExists(wardDatabaseName(wardCode)),
		async provision(wardCode) {
			const database = wardDatabaseName(wardCode);
			let isChanged = false;
			if (!(await client.databaseExists(database))) {
				await client.ensureDatabase(database);
				isChanged = true;
			}
			for (const design of designs) {
				if (await client.getDoc(database, design._id)) continue;
				await client.json(`${database}/${design._id}`, { method: 'PUT', body: design });
				isChanged = true;
			}
			return isChanged;
		}
	};
}
