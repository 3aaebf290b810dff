// Every app server schedules the registry link, so with several behind a load balancer their
// rounds meet on the same ward: each would read the same pages and plan the same writes, and
// the one that stores its cursor second fails on a conflict. A run therefore first claims the
// ward in its state document: CouchDB accepts the write only at the revision it read, so of
// two processes that claim at once one wins and the other skips the ward this round. The claim
// is renewed with every cursor the run stores and removed at its end; should the process die,
// it lapses after LEASE_MS and the next round anywhere takes the ward.

import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { LinkLease, LinkState } from '$lib/domain';
import { CouchError } from '../../couch/client';

/** Longer than a page takes to read and write, however slow the registry. */
export const LEASE_MS = 10 * 60_000;

/** This process, as a lease names it: unique even for two processes of one host. */
export const LEASE_HOLDER = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

export function leaseFrom(now: Date, holder: string = LEASE_HOLDER): LinkLease {
	return { holder, until: new Date(now.getTime() + LEASE_MS).toISOString() };
}

/** Whether another process holds the ward's link now. */
export function isHeldElsewhere(
	state: Pick<LinkState, 'lease'>,
	now: Date,
	holder: string = LEASE_HOLDER
): boolean {
	const lease = state.lease;
	return lease !== undefined && lease.holder !== holder && Date.parse(lease.until) > now.getTime();
}

/** The write of a claim lost to another process's (409), told apart from a real failure. */
export function isLostClaim(error: unknown): boolean {
	return error instanceof CouchError && error.status === 409;
}
