// Why an org operation (a move, a merge) will not run, as a message key with its values, so
// the command line prints it in Vietnamese and English and a caller can test on the key.

import { bilingualWith, type MessageKey, type MessageParams } from '$lib/domain';

export class OrgRefusal extends Error {
	constructor(
		readonly key: MessageKey,
		readonly params: MessageParams = {}
	) {
		super(bilingualWith(key, params));
	}
}
