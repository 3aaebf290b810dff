// The members of each household with their relation and year of birth: what a claim checks
// the answer "the head's year of birth" against, without reading any person's document.
export default function (doc) {
	if (doc.type !== 'person' || typeof doc.household !== 'string') return;
	var year = typeof doc.birth_date === 'string' ? doc.birth_date.substring(0, 4) : null;
	emit(doc.household, { relation: doc.relation, birth_year: year });
}
