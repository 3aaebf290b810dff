// A generated registry extract of one ward, the same on every run: households of one to
// eight people (head, spouse, children, a grandparent) with the demo's names and addresses,
// a citizen ID for most people of 14 and over, and, in about one household in a hundred, one
// extra line that is a near copy of a member (the marks dropped, one letter changed, or day
// and month swapped), without a citizen ID: what the import must put on the review list.

import { centurySexDigit, type Sex } from '../src/lib/domain/cccd';
import { foldVietnamese } from '../src/lib/domain/search-fold';
import { demoAddress } from '../couch/seed/addresses';
import { familyName, fullName } from '../couch/seed/names';
import { Random } from '../couch/seed/random';

export type GeneratedExtract = {
	csv: string;
	households: number;
	persons: number;
	nearDuplicates: number;
};

const HEADER = 'household_code,group,address,citizen_id,full_name,birth_date,sex,relation\n';
const GROUPS = 12;
const THIS_YEAR = 2026;
const NEAR_SHARE = 0.01;
const SIZES: readonly (readonly [number, number])[] = [
	[1, 15],
	[2, 20],
	[3, 27],
	[4, 22],
	[5, 11],
	[6, 4],
	[7, 1]
];

type Member = {
	citizen_id: string;
	full_name: string;
	birth: { year: number; month?: number; day?: number };
	sex: Sex;
	relation: string;
};

let serial = 0;

function citizenIdOf(year: number, sex: Sex): string {
	serial += 1;
	return `079${centurySexDigit(year, sex)}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

function person(random: Random, family: string, sex: Sex, year: number, relation: string): Member {
	const hasDay = year >= 1950 || random.chance(0.5);
	const month = random.int(1, 12);
	const day = random.int(1, 28);
	const age = THIS_YEAR - year;
	return {
		citizen_id: age >= 14 && random.chance(0.95) ? citizenIdOf(year, sex) : '',
		full_name: fullName(random, family, sex, year),
		birth: hasDay ? { year, month, day } : { year },
		sex,
		relation
	};
}

function birthText(birth: Member['birth']): string {
	if (birth.month === undefined || birth.day === undefined) return String(birth.year);
	return `${String(birth.day).padStart(2, '0')}/${String(birth.month).padStart(2, '0')}/${birth.year}`;
}

function family(random: Random, size: number): Member[] {
	const headSex: Sex = random.chance(0.7) ? 'male' : 'female';
	const headYear = random.int(1941, 2000);
	const name = familyName(random);
	const members = [person(random, name, headSex, headYear, 'Chủ hộ')];
	if (size >= 2) {
		const spouseSex: Sex = headSex === 'male' ? 'female' : 'male';
		const spouse = person(
			random,
			familyName(random),
			spouseSex,
			headYear + random.int(-4, 4),
			headSex === 'male' ? 'Vợ' : 'Chồng'
		);
		members.push(spouse);
	}
	while (members.length < size) {
		if (members.length === size - 1 && size >= 6 && headYear > 1965) {
			members.push(
				person(
					random,
					name,
					random.chance(0.5) ? 'male' : 'female',
					headYear - random.int(22, 30),
					'Mẹ'
				)
			);
			continue;
		}
		const year = Math.min(THIS_YEAR - 1, headYear + random.int(20, 40));
		members.push(person(random, name, random.chance(0.5) ? 'male' : 'female', year, 'Con'));
	}
	// No two people of a household share a name and birth date (that is one person twice).
	const seen = new Set<string>();
	return members.filter((member) => {
		const key = `${foldVietnamese(member.full_name)}|${member.birth.year}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** A near copy of someone, as a second clerk might have typed them. */
function nearCopy(random: Random, original: Member): Member {
	const folded = foldVietnamese(original.full_name);
	const { birth } = original;
	const canSwap =
		birth.day !== undefined &&
		birth.month !== undefined &&
		birth.day <= 12 &&
		birth.day !== birth.month;
	const ways = [
		...(folded !== original.full_name.toLowerCase() ? ['marks'] : []),
		'letter',
		...(canSwap ? ['swap'] : [])
	];
	const way = random.pick(ways);
	const copy: Member = { ...original, citizen_id: '', relation: 'Khác' };
	if (way === 'marks') {
		copy.full_name = original.full_name
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/đ/g, 'd')
			.replace(/Đ/g, 'D');
	} else if (way === 'letter') {
		const last = original.full_name.at(-1) ?? 'a';
		copy.full_name = original.full_name.slice(0, -1) + (last === 'n' ? 'm' : 'n');
	} else {
		copy.birth = { year: birth.year, month: birth.day, day: birth.month };
	}
	return copy;
}

function line(code: string, group: number, address: string, member: Member): string {
	const cells = [
		code,
		String(group),
		address,
		member.citizen_id,
		member.full_name,
		birthText(member.birth),
		member.sex === 'male' ? 'Nam' : 'Nữ',
		member.relation
	];
	return cells
		.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
		.join(',');
}

export function generateExtract(households: number, persons: number): GeneratedExtract {
	serial = 0;
	const plan = new Random('registry-bench/sizes');
	const sizes = Array.from({ length: households }, () => plan.weighted(SIZES));
	let total = sizes.reduce((sum, size) => sum + size, 0);
	while (total !== persons) {
		const index = plan.int(0, households - 1);
		const step = total < persons ? 1 : -1;
		const size = sizes[index] + step;
		if (size < 1 || size > 8) continue;
		sizes[index] = size;
		total += step;
	}
	const lines: string[] = [];
	let written = 0;
	let nearDuplicates = 0;
	for (let index = 0; index < households; index++) {
		const random = new Random(`registry-bench/household/${index}`);
		const members = family(random, sizes[index]);
		const code = `HK${String(index + 1).padStart(6, '0')}`;
		const group = (index % GROUPS) + 1;
		const { house_number, street } = demoAddress(random);
		const address = `${house_number} ${street}`;
		// The near copy takes the last member's place, so the file holds the people asked for.
		if (members.length >= 2 && random.chance(NEAR_SHARE / 0.85)) {
			members[members.length - 1] = nearCopy(random, members[random.int(0, members.length - 2)]);
			nearDuplicates += 1;
		}
		for (const member of members) lines.push(line(code, group, address, member));
		written += members.length;
	}
	return { csv: HEADER + lines.join('\n') + '\n', households, persons: written, nearDuplicates };
}
