// Plausible basic health data for a person of a given age and sex, in the ranges adults in
// Vietnam show: a profile that stays with the person (height, blood group, conditions,
// habits) and readings that vary a little from one declaration to the next.

import type { Health } from '../../src/lib/domain/declaration';
import type { Sex } from '../../src/lib/domain/cccd';
import type { Random } from './random';

export type HealthProfile = {
	height_cm?: number;
	bmi: number;
	blood_group?: NonNullable<Health['blood_group']>;
	chronic_conditions: NonNullable<Health['chronic_conditions']>;
	smoking?: NonNullable<Health['smoking']>;
	alcohol?: NonNullable<Health['alcohol']>;
	allergies?: string;
	disabilities?: string;
	vaccinations?: string;
	isPregnant: boolean;
	sex: Sex;
	age: number;
};

/** Known blood groups in Vietnam: O and B lead; Rh-negative is rare. */
const BLOOD_GROUPS: readonly (readonly [NonNullable<Health['blood_group']>, number])[] = [
	['O+', 42],
	['B+', 30],
	['A+', 21],
	['AB+', 6],
	['O-', 0.3],
	['A-', 0.2],
	['B-', 0.2],
	['AB-', 0.1]
];

const ALLERGIES = [
	'Hải sản (tôm, cua)',
	'Penicillin',
	'Aspirin',
	'Phấn hoa, bụi nhà',
	'Sữa bò',
	'Đậu phộng'
];

const DISABILITIES = ['Khiếm thị một mắt', 'Khó khăn vận động chân trái', 'Khiếm thính nhẹ'];

const NOTES = [
	'Khám định kỳ tại Trạm Y tế phường',
	'Đang điều trị ngoại trú tại Bệnh viện Nhân dân Gia Định',
	'Cần người hỗ trợ khi đi lại',
	'Đã được tư vấn chế độ ăn giảm muối'
];

function childHeight(age: number): number {
	return age < 2 ? 50 + age * 25 : Math.min(165, 86 + (age - 2) * 6.2);
}

function conditionsFor(random: Random, age: number): HealthProfile['chronic_conditions'] {
	const band = age < 18 ? 0 : age < 50 ? 1 : age < 65 ? 2 : 3;
	const odds: [NonNullable<Health['chronic_conditions']>[number], number[]][] = [
		['hypertension', [0, 0.08, 0.22, 0.4]],
		['diabetes', [0, 0.03, 0.1, 0.16]],
		['heart_disease', [0, 0.01, 0.04, 0.08]],
		['stroke', [0, 0, 0.01, 0.03]],
		['asthma_copd', [0.04, 0.03, 0.04, 0.06]],
		['kidney_disease', [0, 0.01, 0.02, 0.03]],
		['cancer', [0, 0.003, 0.01, 0.015]],
		['tuberculosis', [0, 0.003, 0.003, 0.004]],
		['mental_health', [0, 0.01, 0.01, 0.01]]
	];
	return odds.filter(([, byBand]) => random.chance(byBand[band])).map(([condition]) => condition);
}

function vaccinationsFor(random: Random, age: number): string | undefined {
	if (age < 6) {
		return random.chance(0.85)
			? 'Đủ mũi tiêm chủng mở rộng theo tuổi'
			: 'Còn thiếu mũi sởi – rubella';
	}
	if (age < 18) return random.chance(0.7) ? 'Tiêm chủng mở rộng đầy đủ' : undefined;
	if (random.chance(0.3)) return undefined;
	const covid = random.chance(0.75) ? 'COVID-19: 3 mũi' : 'COVID-19: 2 mũi';
	return age >= 60 && random.chance(0.3) ? `${covid}; cúm mùa` : covid;
}

export function healthProfile(random: Random, sex: Sex, age: number): HealthProfile {
	const isAdult = age >= 18;
	const isMale = sex === 'male';
	let height: number;
	if (!isAdult) height = childHeight(age) + random.normal(0, 4, -10, 10);
	else height = random.normal(isMale ? 166 : 155, 6, 140, 190) - Math.max(0, age - 55) * 0.15;
	return {
		sex,
		age,
		height_cm: Math.round(height),
		bmi: isAdult ? random.normal(22.5, 3, 17, 34) : random.normal(16.5, 1.8, 13, 22),
		blood_group: random.chance(0.55) ? random.weighted(BLOOD_GROUPS) : undefined,
		chronic_conditions: conditionsFor(random, age),
		smoking: isAdult
			? random.weighted(
					isMale
						? [
								['current', 42],
								['former', 12],
								['never', 46]
							]
						: [
								['current', 2],
								['never', 98]
							]
				)
			: undefined,
		alcohol: isAdult
			? random.weighted(
					isMale
						? [
								['regular', 20],
								['occasional', 50],
								['never', 30]
							]
						: [
								['regular', 2],
								['occasional', 25],
								['never', 73]
							]
				)
			: undefined,
		allergies: random.chance(0.08) ? random.pick(ALLERGIES) : undefined,
		disabilities: isAdult && random.chance(0.02) ? random.pick(DISABILITIES) : undefined,
		vaccinations: vaccinationsFor(random, age),
		isPregnant: !isMale && age >= 20 && age <= 40 && random.chance(0.06)
	};
}

function bloodPressure(
	random: Random,
	profile: HealthProfile
): { systolic: number; diastolic: number } {
	const isHypertensive = profile.chronic_conditions.includes('hypertension');
	const base = 108 + Math.max(0, profile.age - 20) * 0.45 + (isHypertensive ? 22 : 0);
	const systolic = Math.round(random.normal(base, 9, 90, 195));
	const diastolic = Math.round(Math.min(systolic - 25, random.normal(systolic * 0.62, 5, 55, 110)));
	return { systolic, diastolic };
}

/** One declaration's data; self-declarations at home more often lack a pressure reading. */
export function healthReading(
	random: Random,
	profile: HealthProfile,
	channel: 'qr' | 'door_to_door'
): Health {
	const height = profile.height_cm;
	const weight = height ? profile.bmi * (height / 100) ** 2 : undefined;
	const hasPressure = profile.age >= 15 && random.chance(channel === 'qr' ? 0.4 : 0.75);
	const health: Health = {
		height_cm: height,
		weight_kg: weight
			? Math.round(random.normal(weight, weight * 0.02, 2, 250) * 2) / 2
			: undefined,
		...(hasPressure ? bloodPressure(random, profile) : {}),
		pulse:
			profile.age >= 2 && random.chance(0.6)
				? Math.round(random.normal(profile.age < 12 ? 92 : 78, 8, 55, 130))
				: undefined,
		blood_group: profile.blood_group ?? (random.chance(0.5) ? 'unknown' : undefined),
		allergies: profile.allergies,
		chronic_conditions: profile.chronic_conditions,
		smoking: profile.smoking,
		alcohol: profile.alcohol,
		disabilities: profile.disabilities,
		pregnant:
			profile.sex === 'female' && profile.age >= 15 && profile.age <= 49
				? profile.isPregnant
				: undefined,
		vaccinations: profile.vaccinations,
		notes: random.chance(0.05) ? random.pick(NOTES) : undefined
	};
	return withoutUndefined(health);
}

/** Leaves out what was not given, as the form does. */
function withoutUndefined<T extends object>(value: T): T {
	const copy = { ...value };
	for (const key of Object.keys(copy) as (keyof T)[]) {
		if (copy[key] === undefined) delete copy[key];
	}
	return copy;
}
