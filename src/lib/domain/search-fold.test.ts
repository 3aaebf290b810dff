import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesSearch } from './search-fold';

describe('foldVietnamese', () => {
	it('drops tones and vowel marks', () => {
		expect(foldVietnamese('Nguyễn Thị Ánh')).toBe('nguyen thi anh');
		expect(foldVietnamese('Trương Ngọc Ước')).toBe('truong ngoc uoc');
	});
	it('folds đ and Đ to d', () => {
		expect(foldVietnamese('Đặng Văn Đức')).toBe('dang van duc');
	});
	it('treats precomposed and decomposed input alike', () => {
		expect(foldVietnamese('Ánh'.normalize('NFD'))).toBe(foldVietnamese('Ánh'.normalize('NFC')));
	});
	it('collapses whitespace', () => {
		expect(foldVietnamese('  Lê   Văn\tTám ')).toBe('le van tam');
	});
});

describe('matchesSearch', () => {
	const name = foldVietnamese('Nguyễn Thị Ánh');
	it('finds a name typed without diacritics', () => {
		expect(matchesSearch(name, 'nguyen thi anh')).toBe(true);
	});
	it('finds by word prefixes in any order', () => {
		expect(matchesSearch(name, 'anh ng')).toBe(true);
		expect(matchesSearch(name, 'Ánh')).toBe(true);
	});
	it('does not match a different name', () => {
		expect(matchesSearch(name, 'nguyen van anh')).toBe(false);
		expect(matchesSearch(name, 'hanh')).toBe(false);
	});
	it('finds đ by d', () => {
		expect(matchesSearch(foldVietnamese('Đỗ Thị Đào'), 'do dao')).toBe(true);
	});
	it('finds house numbers inside a word', () => {
		expect(matchesSearch(foldVietnamese('12/3A Bình Quới'), '3a')).toBe(true);
		expect(matchesSearch(foldVietnamese('12/3A Bình Quới'), '12')).toBe(true);
		expect(matchesSearch(foldVietnamese('45 Hẻm 12 Bình Quới'), 'binh quoi 45')).toBe(true);
	});
	it('an empty query matches everything', () => {
		expect(matchesSearch(name, '  ')).toBe(true);
	});
});
