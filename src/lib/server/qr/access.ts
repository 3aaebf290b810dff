// Who may manage a ward's QR codes, and the ward's contact that every refusal offers.

import type { SessionUser } from '$lib/domain';
import { authenticator } from '../auth/caller';

export type WardContact = { code: string; name: string; hotline?: string };

/** Ward staff manage their own ward's codes; an administrator any ward's. */
export function managesWard(user: SessionUser, wardCode: string): boolean {
	if (user.role === 'admin') return true;
	return user.role === 'ward_staff' && user.ward?.code === wardCode;
}

/** How far `merged_into` is followed: a ward merged twice is as far as history goes. */
const MERGE_HOPS = 4;

/** The ward's name and the nearest hotline up its tree; for a ward merged into another,
 * the ward that took it over (its people are that ward's now). */
export async function wardContact(wardCode: string): Promise<WardContact | undefined> {
	const directory = authenticator().directory;
	let lineage = await directory.lineage(wardCode);
	for (let hop = 0; hop < MERGE_HOPS; hop++) {
		const successor = lineage[0]?.merged_into;
		if (!successor) break;
		lineage = await directory.lineage(successor);
	}
	const [ward] = lineage;
	if (!ward) return undefined;
	const hotline = lineage.find((unit) => unit.hotline)?.hotline;
	return { code: ward.code, name: ward.name, ...(hotline ? { hotline } : {}) };
}
