import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	foldVietnamese,
	matchesQuery,
	matchesSearch,
	searchIndex,
	searchQuery
} from './search-fold';

/** The rule as first written, word by word: the index must answer exactly as it does. */
function matchesWordByWord(foldedText: string, query: string): boolean {
	const words = foldedText.split(/[\s,]+/).filter(Boolean);
	const terms = foldVietnamese(query).split(/\s+/).filter(Boolean);
	return terms.every((term) =>
		words.some((word) => (/^\d/.test(term) ? word.includes(term) : word.startsWith(term)))
	);
}

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

describe('searchIndex and searchQuery', () => {
	const text = fc.stringMatching(/^[a-zđăâêôơưáàạ0-9/ ,]{0,30}$/);
	it('answer as the word-by-word rule does, for any text and query', () => {
		fc.assert(
			fc.property(text, text, (raw, query) => {
				const folded = foldVietnamese(raw);
				expect(matchesQuery(searchIndex(folded), searchQuery(query))).toBe(
					matchesWordByWord(folded, query)
				);
			}),
			{ numRuns: 2000 }
		);
	});
	it('never match across two words', () => {
		expect(matchesQuery(searchIndex('le van'), searchQuery('ev'))).toBe(false);
		expect(matchesQuery(searchIndex('12 3a'), searchQuery('23'))).toBe(false);
	});
});
