// The people of a ward by what tells one person from another: their citizen ID, and their
// birth date (a year alone under its year), so a new record is checked against the few
// people born that day, whose names are then compared folded (search-fold.ts), without
// reading the ward's other people.
export default function (doc) {
	if (doc.type !== 'person' || typeof doc.household !== 'string') return;
	if (typeof doc.citizen_id === 'string' && doc.citizen_id !== '') {
		emit(['citizen_id', doc.citizen_id], null);
	}
	if (typeof doc.birth_date === 'string') emit(['birth', doc.birth_date.substring(0, 4)], null);
}
