import { describe, expect, it } from 'vitest';
import { parseGatewayPath } from './route';

describe('parseGatewayPath', () => {
	it('leaves paths outside /db alone', () => {
		expect(parseGatewayPath('/api/session')).toBeNull();
		expect(parseGatewayPath('/dbx/ward_26956')).toBeNull();
	});

	it('reads the database with or without the trailing slash PouchDB sends', () => {
		expect(parseGatewayPath('/db')).toEqual({ kind: 'root' });
		expect(parseGatewayPath('/db/')).toEqual({ kind: 'root' });
		for (const path of ['/db/ward_26956', '/db/ward_26956/']) {
			expect(parseGatewayPath(path)).toEqual({
				kind: 'database',
				database: 'ward_26956',
				endpoint: { kind: 'info' }
			});
		}
	});

	it('knows the replication endpoints and nothing else that starts with _', () => {
		const endpoint = (rest: string) => {
			const target = parseGatewayPath(`/db/ward_26956/${rest}`);
			return target?.kind === 'database' ? target.endpoint : target;
		};
		expect(endpoint('_changes')).toEqual({ kind: 'changes' });
		expect(endpoint('_bulk_docs')).toEqual({ kind: 'bulk_docs' });
		expect(endpoint('_revs_diff')).toEqual({ kind: 'revs_diff' });
		for (const rest of [
			'_design/progress',
			'_design%2Fprogress',
			'_find',
			'_security',
			'_all_dbs'
		]) {
			expect(endpoint(rest), rest).toEqual({ kind: 'unreachable' });
		}
	});

	it('decodes document and _local ids, and refuses attachments', () => {
		const endpoint = (rest: string) => {
			const target = parseGatewayPath(`/db/ward_26956/${rest}`);
			return target?.kind === 'database' ? target.endpoint : target;
		};
		expect(endpoint('household%3Aabc')).toEqual({ kind: 'document', id: 'household:abc' });
		expect(endpoint('_local/ckpt%2F1')).toEqual({ kind: 'local', id: 'ckpt/1' });
		expect(endpoint('_local%2Fckpt')).toEqual({ kind: 'local', id: 'ckpt' });
		expect(endpoint('household%3Aabc/photo.jpg')).toEqual({ kind: 'unreachable' });
		expect(endpoint('%E0%A4%A')).toEqual({ kind: 'malformed' });
	});
});
