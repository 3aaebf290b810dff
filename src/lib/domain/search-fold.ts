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
 * True when every word of the query starts a word of the folded text, in any order:
 * "anh nguyen" and "ng t anh" both find "Nguyễn Thị Ánh". Digits match anywhere inside a
 * word, so "12" finds house number "12/3A".
 */
export function matchesSearch(foldedText: string, query: string): boolean {
	const words = foldedText.split(/[\s,]+/).filter(Boolean);
	const terms = foldVietnamese(query).split(/\s+/).filter(Boolean);
	return terms.every((term) =>
		words.some((word) => (/^\d/.test(term) ? word.includes(term) : word.startsWith(term)))
	);
}
