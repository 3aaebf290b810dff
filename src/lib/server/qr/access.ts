// Who may manage a ward's QR codes, and the ward's contact that every refusal offers.

import type { SessionUser } from '$lib/domain';
import { authenticator } from '../auth/caller';

export type WardContact = { code: string; name: string; hotline?: string };

/** Ward staff manage their own ward's codes; an administrator any ward's. */
export function managesWard(user: SessionUser, wardCode: string): boolean {
	if (user.role === 'admin') return true;
	return user.role === 'ward_staff' && user.ward?.code === wardCode;
}

/** The ward's name and the nearest hotline up its tree. */
export async function wardContact(wardCode: string): Promise<WardContact | undefined> {
	const lineage = await authenticator().directory.lineage(wardCode);
	const [ward] = lineage;
	if (!ward) return undefined;
	const hotline = lineage.find((unit) => unit.hotline)?.hotline;
	return { code: ward.code, name: ward.name, ...(hotline ? { hotline } : {}) };
}
