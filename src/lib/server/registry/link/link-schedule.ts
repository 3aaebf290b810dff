// When the registry link runs: every `REGISTRY_LINK_INTERVAL_MINUTES` (60 by default) once
// `REGISTRY_LINK_URL` names the registry's feed, for the wards of `REGISTRY_LINK_WARDS`
// (comma-separated codes; every live ward of the org tree by default), one ward after the
// other, `REGISTRY_LINK_PAGE_SIZE` changes a page (500 by default); `REGISTRY_LINK_TOKEN` is
// sent as a bearer token. Without a URL, or with an interval
// of 0, it is off: the development default. A round that is still running when the next is
// due makes the next one wait.

import type { CouchClient } from '../../couch/client';
import { logEvent } from '../../log';
import { readOrgTree } from '../../progress/org-tree';
import type { RegistryConnector } from './connector';
import { HttpRegistryConnector } from './http-connector';
import { LINK_PAGE_SIZE, runRegistryLink } from './link-run';

export const DEFAULT_INTERVAL_MINUTES = 60;

export type LinkConfig = {
	url: string;
	token?: string;
	intervalMinutes: number;
	pageSize: number;
	/** Ward codes, or every live ward of the org tree. */
	wards: string[] | 'all';
};

export function linkConfig(
	env: Record<string, string | undefined> = process.env
): LinkConfig | null {
	const url = env.REGISTRY_LINK_URL?.trim();
	if (!url) return null;
	const given = env.REGISTRY_LINK_INTERVAL_MINUTES?.trim();
	const intervalMinutes = given ? Number(given) : DEFAULT_INTERVAL_MINUTES;
	if (!Number.isFinite(intervalMinutes) || intervalMinutes <= 0) return null;
	const wards = (env.REGISTRY_LINK_WARDS ?? '')
		.split(',')
		.map((code) => code.trim())
		.filter(Boolean);
	const pageSize = Number(env.REGISTRY_LINK_PAGE_SIZE ?? LINK_PAGE_SIZE);
	return {
		url,
		...(env.REGISTRY_LINK_TOKEN ? { token: env.REGISTRY_LINK_TOKEN } : {}),
		intervalMinutes,
		pageSize:
			Number.isInteger(pageSize) && pageSize > 0 ? Math.min(pageSize, 5000) : LINK_PAGE_SIZE,
		wards: wards.length > 0 ? wards : 'all'
	};
}

async function wardsOf(client: CouchClient, config: LinkConfig): Promise<string[]> {
	if (config.wards !== 'all') return config.wards;
	return (await readOrgTree(client)).wards().map((ward) => ward.code);
}

/** One round: every ward of the link, one after the other. */
export async function linkRound(
	client: CouchClient,
	connector: RegistryConnector,
	config: LinkConfig
): Promise<void> {
	for (const ward of await wardsOf(client, config)) {
		try {
			await runRegistryLink(client, connector, ward, { pageSize: config.pageSize });
		} catch (error) {
			logEvent('warn', 'registry.link_failed', {
				ward,
				error: error instanceof Error ? error.name : 'unknown'
			});
		}
	}
}

/** Starts the schedule; returns a stop (for tests and shutdown). */
export function scheduleRegistryLink(client: CouchClient, config: LinkConfig): () => void {
	const connector = new HttpRegistryConnector({ baseUrl: config.url, token: config.token });
	let timer: ReturnType<typeof setTimeout> | undefined;
	let isStopped = false;
	const round = async () => {
		await linkRound(client, connector, config).catch(() => undefined);
		if (!isStopped) {
			timer = setTimeout(() => void round(), config.intervalMinutes * 60_000);
			timer.unref?.();
		}
	};
	// The first round soon after start, not at once: the server answers its first requests.
	timer = setTimeout(() => void round(), Math.min(5_000, config.intervalMinutes * 60_000));
	timer.unref?.();
	logEvent('info', 'registry.link_scheduled', {
		source: connector.name,
		interval_minutes: config.intervalMinutes,
		wards: config.wards === 'all' ? 'all' : config.wards.length
	});
	return () => {
		isStopped = true;
		if (timer) clearTimeout(timer);
	};
}
