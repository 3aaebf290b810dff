// Every declaration of a person, valued by when it was made (UTC, so the reduce can compare
// the text). Reduced at group_level=2 it gives each person's latest declaration: the rows of
// one group are the people who declared at least once, and those whose latest declaration
// is recent enough are up to date. A correction does not make a person up to date again.
export default function (doc) {
	if (doc.type !== 'declaration' || doc.corrects || typeof doc.group !== 'string') return;
	if (typeof doc.person !== 'string') return;
	var instant = Date.parse(doc.declared_at);
	if (isNaN(instant)) return;
	emit([doc.group, doc.person], new Date(instant).toISOString());
}
