// Every declaration of a person, keyed by group, household and person, valued by when it was
// made (UTC, so the reduce can compare the text), whether it put the person on the 3-month
// close watch (a chronic condition or a pregnancy), and its channel. Reduced at
// group_level=3 it gives each person's latest declaration: the rows of a group are the
// people who declared at least once, their households those with someone declared, and the
// latest's time and close watch tell whether the person is up to date. A correction does not
// make a person up to date again.
export default function (doc) {
	if (doc.type !== 'declaration' || doc.corrects || typeof doc.group !== 'string') return;
	if (typeof doc.person !== 'string' || typeof doc.household !== 'string') return;
	var instant = Date.parse(doc.declared_at);
	if (isNaN(instant)) return;
	var health = doc.health || {};
	var conditions = health.chronic_conditions;
	var isCloseWatch = health.pregnant === true || (conditions && conditions.length > 0) ? 1 : 0;
	emit(
		[doc.group, doc.household, doc.person],
		[new Date(instant).toISOString(), isCloseWatch, doc.channel]
	);
}
