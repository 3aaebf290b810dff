// The server's own databases and the ids of the documents it keeps there (docs/data-model.md).

export const ORG_DATABASE = 'hssk_org';
export const USERS_DATABASE = 'hssk_users';

/** The audit trail: append-only, written by the app server alone (docs/breach-runbook.md). */
export const AUDIT_DATABASE = 'hssk_audit';

/** QR claim tokens: which household a token opens, and the token each household has now. */
export const QR_DATABASE = 'hssk_qr';

export function accountDocId(username: string): string {
	return `user:${username}`;
}

export function sessionDocId(tokenHash: string): string {
	return `session:${tokenHash}`;
}

/** The token a household has now (with its printed check code and the phones it opened). */
export function householdQrDocId(household: string): string {
	return `qr_household:${household}`;
}

/** A token by its SHA-256: which household it opens, and whether it still does. */
export function qrTokenDocId(tokenHash: string): string {
	return `qr_token:${tokenHash}`;
}
