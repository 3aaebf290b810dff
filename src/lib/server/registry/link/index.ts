// The registry link for the process: scheduled once at start when configured.

import { couch } from '../../config';
import { linkConfig, scheduleRegistryLink } from './link-schedule';

let isStarted = false;

export function startRegistryLink(env: Record<string, string | undefined> = process.env): void {
	const config = linkConfig(env);
	if (isStarted || !config) return;
	isStarted = true;
	scheduleRegistryLink(couch(), config);
}

export { linkConfig } from './link-schedule';
export { loadLinkState } from './link-run';
