// Every screen renders on the device: its database is the truth and the server may be out of
// reach, so the server sends the same app shell for every address and the guard runs here.

import { redirect } from '@sveltejs/kit';
import { guardRedirect, session } from '$lib/session';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

export const load = (({ url }) => {
	const target = guardRedirect(url, session.user);
	if (target) redirect(307, target);
}) satisfies LayoutLoad;
