// The demo households of the ward and their members as records, each derived from its own
// index so a household is the same whatever size of demo is asked for.

import type { Household } from '../../src/lib/domain/household';
import type { Person } from '../../src/lib/domain/person';
import { demoAddress } from './addresses';
import { DEMO_GROUP_CODES, DEMO_WARD_CODE, WARD_STAFF_USERNAME, collaboratorOf } from './demo';
import { healthProfile, type HealthProfile } from './health';
import { citizenId, insuranceNumber, mobileNumber } from './identifiers';
import { householdMembers, type Member } from './members';
import { fullName } from './names';
import { Random, stableUuid } from './random';
import { atLocalTime, deviceOf, stampAfter, type Authoring } from './authoring';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The registration campaign ran 10 to 11 months before the demo's "now". */
const REGISTRATION_DAYS_AGO = { from: 330, to: 300 };

export type DemoPerson = { record: Person; profile: HealthProfile };
export type DemoHousehold = {
	index: number;
	record: Household;
	people: DemoPerson[];
};

/** Groups differ in size, as real ones do. */
const GROUP_WEIGHTS = DEMO_GROUP_CODES.map(
	(code, index) => [code, 0.7 + ((index * 7) % 5) * 0.15] as const
);

function birthOf(random: Random, age: number, now: Date): { value: string; date: Date } {
	const month = random.int(1, 12);
	const day = random.int(1, 28);
	let year = now.getFullYear() - age;
	const isLaterThisYear =
		month > now.getMonth() + 1 || (month === now.getMonth() + 1 && day > now.getDate());
	if (isLaterThisYear) year -= 1;
	const date = new Date(year, month - 1, day, 12);
	// Many elders know only their year of birth.
	if (age >= 70 && random.chance(0.5))
		return { value: String(year), date: new Date(year, 0, 1, 12) };
	const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	return { value, date };
}

function authoringOf(random: Random, group: string, now: Date): Authoring {
	const daysAgo = random.int(REGISTRATION_DAYS_AGO.to, REGISTRATION_DAYS_AGO.from);
	const at = atLocalTime(random, new Date(now.getTime() - daysAgo * DAY_MS), 8, 17);
	// Most households came from the population registry the ward station imported.
	const user = random.chance(0.6) ? WARD_STAFF_USERNAME : collaboratorOf(group);
	return { user, device: deviceOf(user), at };
}

function personRecord(
	random: Random,
	householdId: string,
	group: string,
	member: Member,
	index: number,
	created: Authoring,
	now: Date
): DemoPerson {
	const birth = birthOf(random, member.age, now);
	const birthYear = birth.date.getFullYear();
	// A baby born after the household was registered was added when born.
	const createdAt =
		birth.date > created.at
			? new Date(birth.date.getTime() + random.int(3, 20) * DAY_MS)
			: created.at;
	const at = createdAt > now ? now : createdAt;
	const authoring = { ...created, at };
	const hasCitizenId = member.age >= 14 && random.chance(0.88);
	const hasInsurance = random.chance(member.age < 6 || member.age >= 80 ? 0.95 : 0.65);
	const hasPhone = member.age >= 16 && member.age <= 75 && random.chance(0.6);
	const record: Person = {
		id: `person:${stableUuid(`household/${householdId}/person/${index}`)}`,
		type: 'person',
		ward: DEMO_WARD_CODE,
		group,
		household: householdId,
		full_name: fullName(random, member.family, member.sex, birthYear),
		birth_date: birth.value,
		sex: member.sex,
		...(hasCitizenId ? { citizen_id: citizenId(random, birthYear, member.sex) } : {}),
		...(hasInsurance ? { insurance_number: insuranceNumber(random, member.age) } : {}),
		...(hasPhone ? { phone: mobileNumber(random) } : {}),
		relation: member.relation,
		audit: auditOf(authoring),
		stamp: stampAfter(random, authoring, now)
	};
	return { record, profile: healthProfile(random, member.sex, member.age) };
}

export function auditOf(authoring: Authoring): Household['audit'] {
	const at = authoring.at.toISOString();
	return {
		created_at: at,
		created_by: authoring.user,
		updated_at: at,
		updated_by: authoring.user,
		device_id: authoring.device
	};
}

export function demoHousehold(index: number, now: Date): DemoHousehold {
	const random = new Random(`household/${index}`);
	const id = `household:${stableUuid(`household/${index}`)}`;
	const group = random.weighted(GROUP_WEIGHTS);
	const created = authoringOf(random, group, now);
	const people = householdMembers(random).map((member, memberIndex) =>
		personRecord(random, id, group, member, memberIndex, created, now)
	);
	const head = people[0].record;
	const phone = head.phone ?? people.find((person) => person.record.phone)?.record.phone;
	const record: Household = {
		id,
		type: 'household',
		ward: DEMO_WARD_CODE,
		group,
		address: demoAddress(random),
		head_name: head.full_name,
		...(phone ? { phone } : {}),
		audit: auditOf(created),
		stamp: stampAfter(random, created, now)
	};
	return { index, record, people };
}
