// The review list as the ward staff's screen reads it (the server's `ReviewEntry`), and what
// the screen sends to decide an entry.

import type { ReviewItem } from '$lib/domain';
import { wardRequest } from './ward-admin';

export const REVIEW_ENDPOINT = '/api/registry/review';

export type ReviewPerson = {
	id: string;
	full_name: string;
	birth_date: string;
	sex: 'male' | 'female';
	relation: string;
	citizen_id?: string;
	group: string;
	household: { id: string; house_number: string; street: string; head_name: string } | null;
	declarations: number;
};

export type ReviewEntry = {
	id: string;
	kinds: ReviewItem['kinds'];
	source: ReviewItem['source'];
	found_at: string;
	persons: [ReviewPerson, ReviewPerson];
};

export type ReviewOutcome = {
	state: 'merged' | 'kept_apart';
	kept?: string;
	declarations_moved: number;
};

export function loadReviews(fetcher: typeof fetch = fetch) {
	return wardRequest<{ items: ReviewEntry[] }>(REVIEW_ENDPOINT, 'GET', undefined, fetcher);
}

export function decide(
	id: string,
	decision: { action: 'merge'; keep: string } | { action: 'keep_apart' },
	fetcher: typeof fetch = fetch
) {
	return wardRequest<{ outcome: ReviewOutcome }>(
		REVIEW_ENDPOINT,
		'POST',
		{ id, ...decision },
		fetcher
	);
}
