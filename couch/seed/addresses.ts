// Addresses in the style of Phường 27, Bình Thạnh: houses on the main streets and, more
// often, down numbered alleys (hẻm), written "12/3A" (house 3A in alley 12) and sometimes
// with the alley named in the street ("Hẻm 12 Bình Quới"). Demo data: the street list is
// the area's, the numbers are made up.

import type { Random } from './random';

export type Address = { house_number: string; street: string };

/** Streets and the highest house number used on each. */
const STREETS: readonly (readonly [name: string, maxNumber: number, weight: number])[] = [
	['Bình Quới', 1500, 40],
	['Xô Viết Nghệ Tĩnh', 700, 18],
	['Điện Biên Phủ', 600, 10],
	['Nguyễn Xí', 350, 10],
	['D1', 180, 6],
	['D2', 180, 6],
	['Cư xá Thanh Đa', 120, 10]
];

const SUFFIXES = ['', '', '', '', 'A', 'B', 'C'];

export function demoAddress(random: Random): Address {
	const [street, maxNumber] = random.weighted(STREETS.map((entry) => [entry, entry[2]] as const));
	if (random.chance(0.35)) {
		return { house_number: `${random.int(1, maxNumber)}${random.pick(SUFFIXES)}`, street };
	}
	// Alleys open off even and odd numbers alike; deep alleys branch once more (12/3/5).
	const alley = random.int(2, Math.min(maxNumber, 400));
	const branch = random.chance(0.15) ? `/${random.int(1, 30)}` : '';
	const house = `${alley}${branch}/${random.int(1, 60)}${random.pick(SUFFIXES)}`;
	return {
		house_number: house,
		street: random.chance(0.3) ? `Hẻm ${alley} ${street}` : street
	};
}
