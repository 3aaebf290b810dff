// Vietnamese names as they are spread in Ho Chi Minh City. Family names follow their
// national frequency, with the southern forms Huỳnh and Võ more common than the northern
// Hoàng and Vũ; middle names follow sex and generation (Văn and Thị mostly among elders).

import type { Sex } from '../../src/lib/domain/cccd';
import type { Random } from './random';

/** Approximate shares (percent) of the most frequent family names. */
const FAMILY_NAMES: readonly (readonly [string, number])[] = [
	['Nguyễn', 38],
	['Trần', 11],
	['Lê', 9.5],
	['Phạm', 7],
	['Huỳnh', 3.5],
	['Hoàng', 1.6],
	['Phan', 4.5],
	['Võ', 2.8],
	['Vũ', 1.1],
	['Đặng', 2.1],
	['Bùi', 2],
	['Đỗ', 1.4],
	['Hồ', 1.3],
	['Ngô', 1.3],
	['Dương', 1],
	['Lý', 0.5],
	['Trương', 0.9],
	['Lâm', 0.6],
	['Đinh', 0.5],
	['Mai', 0.4],
	['Tạ', 0.2]
];

const MIDDLE = {
	male: { elder: ['Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Công', 'Minh', 'Thanh', 'Quang'] },
	female: { elder: ['Thị', 'Thị', 'Thị', 'Thị', 'Ngọc', 'Kim', 'Thanh'] }
} as const;

const MIDDLE_YOUNG = {
	male: [
		'Minh',
		'Văn',
		'Quốc',
		'Hoàng',
		'Gia',
		'Anh',
		'Đức',
		'Thanh',
		'Hữu',
		'Tuấn',
		'Bảo',
		'Nhật'
	],
	female: [
		'Thị',
		'Ngọc',
		'Thanh',
		'Thu',
		'Kim',
		'Mỹ',
		'Bích',
		'Phương',
		'Thùy',
		'Khánh',
		'Bảo',
		'Minh'
	]
} as const;

const GIVEN = {
	male: {
		elder: [
			'Hùng',
			'Dũng',
			'Hải',
			'Sơn',
			'Thành',
			'Tâm',
			'Phước',
			'Lộc',
			'Tài',
			'Hòa',
			'Bình',
			'Thắng',
			'Tư',
			'Năm',
			'Sáu',
			'Hai',
			'Ba',
			'Cường',
			'Nghĩa',
			'Trung',
			'Quang',
			'Vinh'
		],
		young: [
			'Minh',
			'Huy',
			'Khang',
			'Phúc',
			'Bảo',
			'Nam',
			'Long',
			'Tuấn',
			'Khoa',
			'Đạt',
			'Hiếu',
			'Khôi',
			'An',
			'Nhân',
			'Thịnh',
			'Phong',
			'Quân',
			'Duy',
			'Trí',
			'Kiệt',
			'Hoàng',
			'Thiện'
		]
	},
	female: {
		elder: [
			'Lan',
			'Hoa',
			'Hương',
			'Mai',
			'Cúc',
			'Hồng',
			'Loan',
			'Tuyết',
			'Nga',
			'Hạnh',
			'Dung',
			'Liên',
			'Xuân',
			'Thu',
			'Phượng',
			'Nhung',
			'Tư',
			'Sáu',
			'Bảy',
			'Lệ',
			'Yến',
			'Oanh'
		],
		young: [
			'Linh',
			'Trang',
			'Thảo',
			'Ngọc',
			'Vy',
			'Anh',
			'Nhi',
			'My',
			'Thư',
			'Hân',
			'Uyên',
			'Trâm',
			'Diễm',
			'Ánh',
			'Hằng',
			'Quyên',
			'Tiên',
			'Như',
			'Hà',
			'Vân',
			'Giang',
			'Châu'
		]
	}
} as const;

/** Born before 1970: the older naming habits. */
const ELDER_BORN_BEFORE = 1970;

export function familyName(random: Random): string {
	return random.weighted(FAMILY_NAMES);
}

/** A full name in Vietnamese order: family, middle, given. */
export function fullName(random: Random, family: string, sex: Sex, birthYear: number): string {
	const isElder = birthYear < ELDER_BORN_BEFORE;
	const middle = isElder ? random.pick(MIDDLE[sex].elder) : random.pick(MIDDLE_YOUNG[sex]);
	const given = random.pick(isElder ? GIVEN[sex].elder : GIVEN[sex].young);
	// Some names carry two middle names, more so among the young (Nguyễn Ngọc Bảo Trâm).
	if (!isElder && random.chance(0.25)) {
		const second = random.pick(MIDDLE_YOUNG[sex]);
		if (second !== middle && second !== given) return `${family} ${middle} ${second} ${given}`;
	}
	return middle === given ? `${family} ${given}` : `${family} ${middle} ${given}`;
}
