// Vietnamese search: collaborators type on phone keyboards without diacritics, so names are
// compared after folding tones, vowel marks and đ away.

/** Lower-case, without diacritics (đ → d), whitespace collapsed. */
export function foldVietnamese(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'd')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * A folded text made ready for many searches: its words, each after one space, so "a word
 * starts with this" is one substring look-up. Built once per record, not once per keystroke.
 */
export function searchIndex(foldedText: string): string {
	const words = foldedText.split(/[\s,]+/).filter(Boolean);
	return words.length > 0 ? ` ${words.join(' ')}` : '';
}

/** What a query looks for in a search index, folded once for the whole list. */
export type SearchQuery = readonly string[];

/** A term starting with a digit is looked for anywhere in a word, any other at a word's start. */
export function searchQuery(query: string): SearchQuery {
	return foldVietnamese(query)
		.split(/\s+/)
		.filter(Boolean)
		.map((term) => (/^\d/.test(term) ? term : ` ${term}`));
}

/** A term has no space inside, so a match never runs across two words. */
export function matchesQuery(index: string, query: SearchQuery): boolean {
	return query.every((needle) => index.includes(needle));
}

/**
 * True when every word of the query starts a word of the folded text, in any order:
 * "anh nguyen" and "ng t anh" both find "Nguyễn Thị Ánh". Digits match anywhere inside a
 * word, so "12" finds house number "12/3A". For one text; a list keeps each row's
 * `searchIndex` and folds the query once (`searchQuery`).
 */
export function matchesSearch(foldedText: string, query: string): boolean {
	return matchesQuery(searchIndex(foldedText), searchQuery(query));
}
