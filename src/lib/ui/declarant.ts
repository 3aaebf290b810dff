// Who a declaration says made it, by whose device it is made on: a household's own phone
// self-declares by QR; collaborators, and ward staff acting as one, declare door to door.
// The gateway refuses any other pairing.

import type { Declaration, SessionUser } from '$lib/domain';

export function declarantOf(
	user: Pick<SessionUser, 'role'>
): Pick<Declaration, 'role' | 'channel'> {
	return user.role === 'resident'
		? { role: 'resident', channel: 'qr' }
		: { role: 'collaborator', channel: 'door_to_door' };
}
