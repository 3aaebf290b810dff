import { describe, expect, it } from 'vitest';
import { bilingualWith, messageWith } from './messages';
import { canSitUnder, codeFitsLevel, isLiveUnit, OrgUnitSchema } from './org-unit';

describe('org levels', () => {
	it('takes the three-level tree of 2021: city → district → ward → group', () => {
		expect(canSitUnder('city', null)).toBe(true);
		expect(canSitUnder('district', 'city')).toBe(true);
		expect(canSitUnder('ward', 'district')).toBe(true);
		expect(canSitUnder('group', 'ward')).toBe(true);
	});

	it('takes the two-level tree of 2025: a ward straight under the city', () => {
		expect(canSitUnder('ward', 'city')).toBe(true);
	});

	it('refuses a level under the wrong parent', () => {
		expect(canSitUnder('district', 'district')).toBe(false);
		expect(canSitUnder('district', 'ward')).toBe(false);
		expect(canSitUnder('ward', 'ward')).toBe(false);
		expect(canSitUnder('ward', 'group')).toBe(false);
		expect(canSitUnder('group', 'district')).toBe(false);
		expect(canSitUnder('group', 'city')).toBe(false);
		expect(canSitUnder('city', 'city')).toBe(false);
		expect(canSitUnder('ward', null)).toBe(false);
		expect(canSitUnder('group', null)).toBe(false);
	});

	it('knows the official code length of each level', () => {
		expect(codeFitsLevel('79', 'city')).toBe(true);
		expect(codeFitsLevel('765', 'district')).toBe(true);
		expect(codeFitsLevel('26956', 'ward')).toBe(true);
		expect(codeFitsLevel('26956-01', 'group')).toBe(true);
		expect(codeFitsLevel('26956-101', 'group')).toBe(true);
		expect(codeFitsLevel('765', 'city')).toBe(false);
		expect(codeFitsLevel('79', 'district')).toBe(false);
		expect(codeFitsLevel('2695', 'ward')).toBe(false);
		expect(codeFitsLevel('26956-1', 'group')).toBe(false);
		expect(codeFitsLevel('26956', 'group')).toBe(false);
	});
});

describe('live and merged units', () => {
	const unit = {
		code: '26956',
		type: 'org_unit',
		level: 'ward',
		name: 'Phường 27',
		parent: '765',
		path: ['79', '765', '26956'],
		cadence_months: 6
	} as const;

	it('counts a unit until it is merged into another', () => {
		expect(isLiveUnit(OrgUnitSchema.parse(unit))).toBe(true);
		const merged = OrgUnitSchema.parse({ ...unit, merged_into: '26999', merged_at: 'x' });
		expect(merged.merged_into).toBe('26999');
		expect(isLiveUnit(merged)).toBe(false);
	});
});

describe('messages with values', () => {
	it('fills the values in both languages', () => {
		expect(messageWith('org.duplicate_code', { code: '26956', line: 3 }, 'en')).toBe(
			'Code "26956" is already on line 3'
		);
		expect(bilingualWith('org.duplicate_code', { code: '26956', line: 3 })).toBe(
			'Mã "26956" đã có ở dòng 3 / Code "26956" is already on line 3'
		);
	});

	it('leaves a value it was not given visible', () => {
		expect(messageWith('org.parent_unknown', {}, 'en')).toContain('"{parent}"');
	});
});
