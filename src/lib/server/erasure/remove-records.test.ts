import { describe, expect, it } from 'vitest';
import { tombstoneOf } from './remove-records';

const PLACE = {
	ward: '26956',
	group: '26956-01',
	household: 'household:0f8c1c7e-1b2a-4c3d-9e8f-001122334455'
};

describe("an erased record's tombstone", () => {
	it('names its place and nothing else', () => {
		expect(tombstoneOf('person:1f8c1c7e-1b2a-4c3d-9e8f-001122334455', PLACE)).toEqual({
			_id: 'person:1f8c1c7e-1b2a-4c3d-9e8f-001122334455',
			_deleted: true,
			type: 'person',
			ward: '26956',
			group: '26956-01',
			household: PLACE.household
		});
	});

	it("of the household itself has no household field: its id is the household's", () => {
		expect(tombstoneOf(PLACE.household, PLACE)).toEqual({
			_id: PLACE.household,
			_deleted: true,
			type: 'household',
			ward: '26956',
			group: '26956-01'
		});
	});
});
