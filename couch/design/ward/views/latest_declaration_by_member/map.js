// Every declaration of a person, keyed by group, household and person, valued by when it
// counts from (UTC, so the reduce can compare the text), whether it put the person on the
// 3-month close watch (a chronic condition or a pregnancy), and its channel. Reduced at
// group_level=3 it gives each person's latest declaration: the rows of a group are the
// people who declared at least once, their households those with someone declared, and the
// latest's time and close watch tell whether the person is up to date. A correction does not
// make a person up to date again.
// The time is the server's stamp (when the declaration reached the server), not the device's
// `declared_at`: a device clock days wrong must neither order two declarations nor keep a
// person up to date for days more. One without a stamp (replicated in) counts by its own date.
export default function (doc) {
	if (doc.type !== 'declaration' || doc.corrects || typeof doc.group !== 'string') return;
	if (typeof doc.person !== 'string' || typeof doc.household !== 'string') return;
	var stamped = doc.stamp && typeof doc.stamp.at === 'string' ? Date.parse(doc.stamp.at) : NaN;
	var instant = isNaN(stamped) ? Date.parse(doc.declared_at) : stamped;
	if (isNaN(instant)) return;
	var health = doc.health || {};
	var conditions = health.chronic_conditions;
	var isCloseWatch = health.pregnant === true || (conditions && conditions.length > 0) ? 1 : 0;
	emit(
		[doc.group, doc.household, doc.person],
		[new Date(instant).toISOString(), isCloseWatch, doc.channel]
	);
}
