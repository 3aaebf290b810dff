import { describe, expect, it } from 'vitest';
import { wardDesignDocs } from '../../../../couch/design/documents';
import { bundledWardDesignDocs } from './ward-designs';

describe('design documents in the server build', () => {
	it('are the very documents provisioning installs from disk', () => {
		const bundled = bundledWardDesignDocs();
		expect(bundled.map((design) => design._id)).toEqual([
			'_design/progress',
			'_design/gateway',
			'_design/claim',
			'_design/identity'
		]);
		expect(bundled).toEqual(wardDesignDocs());
	});
});
