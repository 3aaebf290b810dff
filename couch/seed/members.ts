// Who lives in a demo household: ages, sexes, relations and family names that fit together
// (children carry their father's family name, a wife keeps her own, grandparents are a
// generation older), in the mix seen in the city: couples with children, three
// generations under one roof, and elders living alone.

import type { Relation } from '../../src/lib/domain/person';
import type { Sex } from '../../src/lib/domain/cccd';
import { familyName } from './names';
import type { Random } from './random';

export type Member = { relation: Relation; sex: Sex; age: number; family: string };

const opposite = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');

function headAge(random: Random): number {
	const band = random.weighted([
		[[30, 44], 30],
		[[45, 59], 33],
		[[60, 74], 25],
		[[75, 85], 12]
	] as const);
	return random.int(band[0], band[1]);
}

function spouseOf(random: Random, head: Member): Member {
	const gap = random.int(0, 7);
	const age = head.sex === 'male' ? head.age - gap : head.age + random.int(-3, 6);
	return {
		relation: 'spouse',
		sex: opposite(head.sex),
		age: Math.max(20, age),
		family: familyName(random)
	};
}

/** Children of a couple, youngest parent's age bounding the eldest child's. */
function children(
	random: Random,
	count: number,
	youngestParentAge: number,
	family: string,
	relation: Relation,
	minAge = 0
): Member[] {
	const eldest = youngestParentAge - 20;
	if (eldest < minAge) return [];
	const members: Member[] = [];
	for (let i = 0; i < count; i++) {
		members.push({
			relation,
			sex: random.chance(0.52) ? 'male' : 'female',
			age: random.int(minAge, eldest),
			family
		});
	}
	return members.sort((a, b) => b.age - a.age);
}

export function householdMembers(random: Random): Member[] {
	const headSex: Sex = random.chance(0.68) ? 'male' : 'female';
	const head: Member = {
		relation: 'head',
		sex: headSex,
		age: headAge(random),
		family: familyName(random)
	};
	const members: Member[] = [head];

	const livesAlone = head.age >= 65 && random.chance(0.2);
	if (livesAlone) return members;

	const hasSpouse = random.chance(head.age >= 70 ? 0.55 : 0.85);
	const spouse = hasSpouse ? spouseOf(random, head) : undefined;
	if (spouse) members.push(spouse);
	const father = head.sex === 'male' ? head : spouse;
	const childFamily = father?.family ?? head.family;
	const youngestParent = Math.min(head.age, spouse?.age ?? head.age);

	if (head.age < 60) {
		// Young and middle-aged couples: their children, and often a parent of the head.
		const count = random.weighted([
			[0, 8],
			[1, 30],
			[2, 42],
			[3, 20]
		] as const);
		members.push(...children(random, count, youngestParent, childFamily, 'child'));
		if (head.age < 55 && random.chance(0.3)) {
			const parentSex: Sex = random.chance(0.4) ? 'male' : 'female';
			members.push({
				relation: 'parent',
				sex: parentSex,
				age: Math.min(96, head.age + random.int(22, 32)),
				family: parentSex === 'male' ? head.family : familyName(random)
			});
		}
		if (random.chance(0.06)) {
			members.push({
				relation: 'sibling',
				sex: random.chance(0.5) ? 'male' : 'female',
				age: Math.max(18, head.age + random.int(-8, 8)),
				family: head.family
			});
		}
		return members;
	}

	// Older heads: one or two grown children at home, often with their own family.
	const grown = children(random, random.int(1, 2), youngestParent, childFamily, 'child', 22);
	members.push(...grown);
	const married = grown.find((child) => child.age >= 25);
	if (married && random.chance(0.6)) {
		const inLaw: Member = {
			relation: 'child_in_law',
			sex: opposite(married.sex),
			age: Math.max(22, married.age + random.int(-4, 4)),
			family: familyName(random)
		};
		members.push(inLaw);
		const grandFamily = married.sex === 'male' ? married.family : inLaw.family;
		const grandchildren = children(
			random,
			random.int(1, 3),
			Math.min(married.age, inLaw.age),
			grandFamily,
			'grandchild'
		);
		members.push(...grandchildren);
	}
	return members;
}
