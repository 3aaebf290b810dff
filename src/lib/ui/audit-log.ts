// The ward staff's audit trail screen: a page of entries from the server, and how an entry
// reads (which words name its action, what it was about).

import type { AuditEntry, AuditPage } from '$lib/domain';
import type { UiKey } from '$lib/i18n';
import { getJson, type Answer } from '$lib/ui/progress/progress-api';

export const AUDIT_PAGE_SIZE = 50;

export function loadAuditPage(
	before: string | null,
	fetcher: typeof fetch = fetch
): Promise<Answer<AuditPage>> {
	const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
	if (before) query.set('before', before);
	return getJson<AuditPage>(`/api/audit?${query}`, fetcher);
}

export function actionKey(entry: Pick<AuditEntry, 'action'>): UiKey {
	return `audit.action.${entry.action}`;
}

/** A record id as people can compare it: its type and the first block of its uuid. */
export function shortId(id: string): string {
	const [type, rest] = id.split(':', 2);
	return rest ? `${type}:${rest.slice(0, 8)}` : id;
}
