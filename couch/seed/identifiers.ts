// Identity numbers that pass the app's own checks: CCCD with the right province, century,
// sex and year digits; health insurance numbers in the card format; mobile numbers with
// prefixes in use in Vietnam.

import { centurySexDigit, type Sex } from '../../src/lib/domain/cccd';
import type { Random } from './random';

/** Most residents were registered at birth in Ho Chi Minh City (079); others moved in. */
const BIRTH_PROVINCES: readonly (readonly [string, number])[] = [
	['079', 70],
	['083', 3], // Bến Tre
	['087', 3], // Đồng Tháp
	['082', 3], // Tiền Giang
	['052', 3], // Bình Định
	['051', 3], // Quảng Ngãi
	['049', 2], // Quảng Nam
	['038', 3], // Thanh Hóa
	['040', 3], // Nghệ An
	['036', 2], // Nam Định
	['001', 2], // Hà Nội
	['075', 3] // Đồng Nai
];

export function citizenId(random: Random, birthYear: number, sex: Sex): string {
	const province = random.weighted(BIRTH_PROVINCES);
	const year = String(birthYear % 100).padStart(2, '0');
	return `${province}${centurySexDigit(birthYear, sex)}${year}${random.digits(6)}`;
}

/**
 * The 15-character card: a 2-letter beneficiary group, a benefit level, the province (79)
 * and the 10-digit social insurance number.
 */
export function insuranceNumber(random: Random, age: number): string {
	let group: string;
	if (age < 6) group = 'TE1';
	else if (age < 18) group = 'HS4';
	else if (age >= 60) group = random.pick(['HT2', 'HT3', 'GD4', 'CK2']);
	else group = random.pick(['DN4', 'DN4', 'GD4', 'HC4', 'GD4']);
	return `${group}79${random.digits(10)}`;
}

const MOBILE_PREFIXES = [
	'090',
	'093',
	'089',
	'070',
	'076',
	'077',
	'078',
	'079', // MobiFone
	'091',
	'094',
	'088',
	'081',
	'082',
	'083',
	'084',
	'085', // VinaPhone
	'096',
	'097',
	'098',
	'086',
	'032',
	'033',
	'034',
	'035',
	'036',
	'037',
	'038',
	'039' // Viettel
];

export function mobileNumber(random: Random): string {
	return `${random.pick(MOBILE_PREFIXES)}${random.digits(7)}`;
}
