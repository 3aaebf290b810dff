import { describe, expect, it } from 'vitest';
import { declarantOf } from './declarant';

describe('declarantOf', () => {
	it('makes a household phone self-declare by QR, and everyone else door to door', () => {
		expect(declarantOf({ role: 'resident' })).toEqual({ role: 'resident', channel: 'qr' });
		for (const role of ['collaborator', 'ward_staff'] as const) {
			expect(declarantOf({ role })).toEqual({ role: 'collaborator', channel: 'door_to_door' });
		}
	});
});
