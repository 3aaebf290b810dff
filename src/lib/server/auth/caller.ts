// Resolves the caller of a request once, whichever route asks (the sync gateway, the
// session API, the request log), from the session cookie or an Authorization: Basic header.

import type { RequestEvent } from '@sveltejs/kit';
import { couch, isProduction } from '../config';
import { forgetAccounts } from '../progress/collaborators';
import { watchAccounts, type AccountWatcher } from './account-watcher';
import { Authenticator, type Authentication, type Caller } from './authenticator';
import { SESSION_COOKIE } from './sessions';

let instance: Authenticator | undefined;
let watcher: AccountWatcher | undefined;

export function authenticator(): Authenticator {
	instance ??= new Authenticator(couch(), { isProduction: isProduction() });
	return instance;
}

/** Started once, when the server starts: other processes' account changes reach this one,
 * and each signed-in request waits for the watcher to catch up (`resolve`). */
export function startAccountWatching(): void {
	if (watcher) return;
	const auth = authenticator();
	const started = watchAccounts(couch(), {
		forgetUser(username) {
			auth.forgetUser(username);
			// The dashboard's list of collaborators shows an account changed elsewhere.
			forgetAccounts();
		},
		forgetSession: (tokenHash) => auth.forgetSession(tokenHash)
	});
	watcher = started;
	// adapter-node's signal that the server has closed: the open longpoll must not keep the
	// process alive after it.
	process.once('sveltekit:shutdown', () => started.stop());
}

const resolved = new WeakMap<Request, Promise<Authentication>>();
const known = new WeakMap<Request, Caller>();

async function resolve(event: RequestEvent): Promise<Authentication> {
	const auth = authenticator();
	const token = event.cookies.get(SESSION_COOKIE);
	const header = event.request.headers.get('authorization');
	// A sign-out, a disabled account or a reset password committed by another app server a
	// moment ago is forgotten here before this request is served from the caches.
	if ((token || header) && watcher) await watcher.catchUp();
	if (token) {
		const caller = await auth.fromSessionToken(token);
		if (caller) return { ok: true, caller };
	}
	if (header) return auth.fromBasic(header, event.getClientAddress());
	return { ok: false, status: 401, key: 'auth.required' };
}

export function authenticate(event: RequestEvent): Promise<Authentication> {
	let pending = resolved.get(event.request);
	if (!pending) {
		pending = resolve(event).then((outcome) => {
			if (outcome.ok) known.set(event.request, outcome.caller);
			return outcome;
		});
		resolved.set(event.request, pending);
	}
	return pending;
}

/** The caller already resolved for this request, if any (for the request log). */
export function knownCaller(request: Request): Caller | undefined {
	return known.get(request);
}

/** Marks the caller of a request that signed in during it (the log then names them). */
export function noteCaller(request: Request, caller: Caller): void {
	known.set(request, caller);
}
