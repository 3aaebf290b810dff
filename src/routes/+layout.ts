// Every screen renders on the device: its database is the truth and the server may be out of
// reach, so the server sends the same app shell for every address and the guard runs here.

import { redirect } from '@sveltejs/kit';
import { loadFeatureWords } from '$lib/i18n';
import { guardRedirect, HOME_PATH, session } from '$lib/session';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

/**
 * The collaborator's household list says only the words the device holds from the start;
 * every other screen (and ward staff's home, with its links to theirs) waits for the rest,
 * which the service worker has cached, so this costs a moment online and nothing offline.
 */
export const load = (async ({ url }) => {
	const target = guardRedirect(url, session.user);
	if (target) redirect(307, target);
	const isFirstScreen = url.pathname === HOME_PATH && session.user?.role === 'collaborator';
	if (!isFirstScreen) await loadFeatureWords();
}) satisfies LayoutLoad;
