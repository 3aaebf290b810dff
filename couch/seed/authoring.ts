// Who wrote a demo record, on which device and when, and the stamp the gateway would have
// added when the device pushed it (minutes later, or hours for a collaborator offline).

import type { Stamp } from '../../src/lib/domain/common';
import type { Random } from './random';
import { stableUuid } from './random';

export type Authoring = { user: string; device: string; at: Date };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Vietnam is UTC+7 all year: people register and declare in local daytime hours. */
const VIETNAM_OFFSET_HOURS = 7;

/** A moment between two local hours on the (UTC) calendar day of `day`. */
export function atLocalTime(random: Random, day: Date, fromHour: number, toHour: number): Date {
	const midnightUtc = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
	const minutes = random.int(fromHour * 60, toHour * 60);
	return new Date(midnightUtc - VIETNAM_OFFSET_HOURS * HOUR_MS + minutes * MINUTE_MS);
}

/** Each demo user works on one device of their own. */
export function deviceOf(user: string): string {
	return stableUuid(`device/${user}`);
}

export function stampAfter(random: Random, authoring: Authoring, now: Date): Stamp {
	const delayMinutes = random.chance(0.8) ? random.int(0, 10) : random.int(30, 6 * 60);
	const at = new Date(Math.min(now.getTime(), authoring.at.getTime() + delayMinutes * MINUTE_MS));
	return { by: authoring.user, at: at.toISOString(), device_id: authoring.device };
}
