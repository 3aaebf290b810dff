import { describe, expect, it } from 'vitest';
import {
	duplicateKinds,
	identityKey,
	isSameIdentity,
	nearMatch,
	withinOneEdit,
	writtenName
} from './person-identity';

const an = { full_name: 'Nguyễn Văn An', birth_date: '1980-03-12' };

describe('writtenName', () => {
	it('ignores case, spaces and the Unicode form, never the marks', () => {
		expect(writtenName('  NGUYỄN   văn An'.normalize('NFD'))).toBe('nguyễn văn an');
		expect(writtenName('Lê Thị Hà')).not.toBe(writtenName('Lê Thị Hạ'));
	});
});

describe('identityKey', () => {
	it('folds the name so a search without marks finds the person', () => {
		expect(identityKey(an)).toBe('nguyen van an|1980-03-12');
		expect(identityKey({ ...an, full_name: 'nguyen van an' })).toBe(identityKey(an));
	});
});

describe('isSameIdentity', () => {
	it('trusts the citizen ID above the name', () => {
		const a = { ...an, citizen_id: '079080000001' };
		expect(isSameIdentity(a, { ...a, full_name: 'Nguyễn Văn Ân' })).toBe(true);
		expect(isSameIdentity(a, { ...a, citizen_id: '079080000002' })).toBe(false);
	});
	it('needs the same written name and birth date without one', () => {
		expect(isSameIdentity(an, { ...an, full_name: 'nguyễn văn an' })).toBe(true);
		expect(isSameIdentity(an, { ...an, full_name: 'Nguyen Van An' })).toBe(false);
		expect(isSameIdentity(an, { ...an, birth_date: '1980' })).toBe(false);
	});
});

describe('withinOneEdit', () => {
	it('accepts one substitution, insertion, deletion or swap of neighbours', () => {
		expect(withinOneEdit('nguyen van an', 'nguyen van anh')).toBe(true);
		expect(withinOneEdit('nguyen van anh', 'nguyen van an')).toBe(true);
		expect(withinOneEdit('tran thi lan', 'tran thi lam')).toBe(true);
		expect(withinOneEdit('tran thi lan', 'tran thi aln')).toBe(true);
		expect(withinOneEdit('tran thi lan', 'tran thi lna')).toBe(true);
	});
	it('refuses two edits', () => {
		expect(withinOneEdit('tran thi lan', 'tran thi lamm')).toBe(false);
		expect(withinOneEdit('le van tam', 'le van hai')).toBe(false);
		expect(withinOneEdit('abc', 'cba')).toBe(false);
	});
});

describe('nearMatch', () => {
	it('finds a missing diacritic', () => {
		expect(nearMatch(an, { ...an, full_name: 'Nguyen Van An' })).toEqual(['diacritics']);
		expect(nearMatch(an, { ...an, full_name: 'Nguyễn Văn Ân' })).toEqual(['diacritics']);
	});
	it('finds a one-letter typo', () => {
		expect(nearMatch(an, { ...an, full_name: 'Nguyễn Văn Anh' })).toEqual(['name_typo']);
	});
	it('finds day and month swapped, and a year alone', () => {
		expect(nearMatch(an, { ...an, birth_date: '1980-12-03' })).toEqual(['day_month_swapped']);
		expect(nearMatch(an, { ...an, birth_date: '1980' })).toEqual(['year_only']);
		expect(
			nearMatch({ ...an, full_name: 'Nguyen Van An' }, { ...an, birth_date: '1980-12-03' })
		).toEqual(['diacritics', 'day_month_swapped']);
	});
	it('leaves the same person, strangers and two citizen IDs alone', () => {
		expect(nearMatch(an, { ...an })).toBeNull();
		expect(nearMatch(an, { full_name: 'Trần Thị Lan', birth_date: '1980-03-12' })).toBeNull();
		expect(nearMatch(an, { ...an, birth_date: '1981-03-12' })).toBeNull();
		expect(nearMatch(an, { ...an, birth_date: '1980-03-13' })).toBeNull();
		expect(
			nearMatch(
				{ ...an, citizen_id: '079080000001' },
				{ ...an, full_name: 'Nguyen Van An', citizen_id: '079080000002' }
			)
		).toBeNull();
	});
	it('does not pile a typo on a date difference', () => {
		expect(nearMatch(an, { full_name: 'Nguyễn Văn Anh', birth_date: '1980-12-03' })).toBeNull();
	});
});

describe('duplicateKinds', () => {
	it('finds the same citizen ID, and the same folded name and birth date', () => {
		const a = { ...an, citizen_id: '079080000001' };
		expect(duplicateKinds(a, { ...a, full_name: 'Trần Văn Bình' })).toEqual(['same_citizen_id']);
		expect(duplicateKinds(an, { ...an, full_name: 'nguyen van an' })).toEqual(['same_name_birth']);
		expect(duplicateKinds(a, { ...a })).toEqual(['same_citizen_id', 'same_name_birth']);
	});
	it('leaves two citizen IDs and other birth dates alone', () => {
		expect(
			duplicateKinds({ ...an, citizen_id: '079080000001' }, { ...an, citizen_id: '079080000002' })
		).toEqual([]);
		expect(duplicateKinds(an, { ...an, birth_date: '1980' })).toEqual([]);
	});
});
