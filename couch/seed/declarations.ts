// Declarations for about 40% of the demo's people over the last nine months: a household
// declares together, on a collaborator's visit (door to door) or by scanning its QR code at
// home, and some households have already declared a second time.

import type { Declaration } from '../../src/lib/domain/declaration';
import { collaboratorOf } from './demo';
import { healthReading } from './health';
import type { DemoHousehold } from './households';
import { auditOf } from './households';
import { atLocalTime, deviceOf, stampAfter, type Authoring } from './authoring';
import { Random, stableUuid } from './random';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;
const WINDOW_DAYS = 270;
const HOUSEHOLD_DECLARES = 0.53;
const MEMBER_INCLUDED = 0.8;
const DECLARES_AGAIN = 0.3;

/** The username a household's QR sign-in acts as in the demo records. */
export function residentOf(householdId: string): string {
	return `qr-${householdId.slice('household:'.length, 'household:'.length + 8)}`;
}

function visit(
	random: Random,
	household: DemoHousehold,
	earliest: Date,
	now: Date
): Authoring & { channel: 'qr' | 'door_to_door' } {
	const span = now.getTime() - earliest.getTime();
	let at = new Date(earliest.getTime() + random.next() * span);
	const channel = random.chance(0.45) ? 'qr' : 'door_to_door';
	at = channel === 'qr' ? atLocalTime(random, at, 6, 22) : atLocalTime(random, at, 8, 20);
	if (at > now) at = new Date(now.getTime() - random.int(5, 120) * MINUTE_MS);
	const user =
		channel === 'qr' ? residentOf(household.record.id) : collaboratorOf(household.record.group);
	const device = channel === 'qr' ? deviceOf(household.record.id) : deviceOf(user);
	return { user, device, at, channel };
}

export function demoDeclarations(household: DemoHousehold, now: Date): Declaration[] {
	const random = new Random(`declarations/${household.index}`);
	if (!random.chance(HOUSEHOLD_DECLARES)) return [];
	const declarations: Declaration[] = [];
	const firstVisit = visit(random, household, new Date(now.getTime() - WINDOW_DAYS * DAY_MS), now);
	const visits = [firstVisit];
	const laterFrom = new Date(firstVisit.at.getTime() + random.int(90, 180) * DAY_MS);
	if (laterFrom < now && random.chance(DECLARES_AGAIN))
		visits.push(visit(random, household, laterFrom, now));
	const included = household.people.filter(() => random.chance(MEMBER_INCLUDED));
	// The household agrees once, with its first declaration; every later one carries it again.
	let consent: Declaration['consent'];
	visits.forEach((event, visitIndex) => {
		included.forEach((person, order) => {
			if (new Date(person.record.audit.created_at) >= event.at) return;
			const at = new Date(
				Math.min(now.getTime(), event.at.getTime() + order * random.int(2, 6) * MINUTE_MS)
			);
			const authoring = { ...event, at };
			consent ??= {
				text_version: 0,
				given_at: at.toISOString(),
				given_by: person.record.id,
				mode: event.channel === 'qr' ? 'in_app' : 'oral',
				recorded_by: event.user,
				device_id: auditOf(authoring).device_id
			};
			declarations.push({
				id: `declaration:${stableUuid(`${person.record.id}/declaration/${visitIndex}`)}`,
				type: 'declaration',
				ward: household.record.ward,
				group: household.record.group,
				person: person.record.id,
				household: household.record.id,
				declared_at: at.toISOString(),
				declared_by: event.user,
				role: event.channel === 'qr' ? 'resident' : 'collaborator',
				channel: event.channel,
				health: healthReading(random, person.profile, event.channel),
				consent,
				audit: auditOf(authoring),
				stamp: stampAfter(random, authoring, now)
			});
		});
	});
	return declarations;
}
