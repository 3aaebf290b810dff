// The ward databases' design documents carried inside the app server's build: the server
// makes a new ward's database when an import adds the ward, and a production image has no
// `couch/` folder to read them from. The same files as the scripts read from disk.

import { designDocFromFiles, type DesignDoc } from '../../../../couch/design/compile';
import { WARD_DESIGN_FOLDERS } from '../../../../couch/design/documents';

const SOURCES: Record<string, string> = import.meta.glob('/couch/design/*/**/*.js', {
	query: '?raw',
	import: 'default',
	eager: true
});

const ROOT = '/couch/design/';

export function bundledWardDesignDocs(): DesignDoc[] {
	return WARD_DESIGN_FOLDERS.map(({ folder, name }) => {
		const prefix = `${ROOT}${folder}/`;
		const files = new Map(
			Object.entries(SOURCES)
				.filter(([path]) => path.startsWith(prefix))
				.map(([path, text]) => [path.slice(prefix.length), text])
		);
		return designDocFromFiles(name, files);
	});
}
