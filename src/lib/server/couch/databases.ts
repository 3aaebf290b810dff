// The server's own databases and the ids of the documents it keeps there (docs/data-model.md).

export const ORG_DATABASE = 'hssk_org';
export const USERS_DATABASE = 'hssk_users';

export function accountDocId(username: string): string {
	return `user:${username}`;
}

export function sessionDocId(tokenHash: string): string {
	return `session:${tokenHash}`;
}
