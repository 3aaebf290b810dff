// Declarations per group, channel and day, for progress over time. The day is the calendar
// day in Vietnam (UTC+7 all year, no daylight saving) of the server's stamp, when the
// declaration reached the server: a device's clock can be days wrong, and a declaration it
// dated in the future would count on no day yet. One without a stamp (replicated in from
// elsewhere) counts by its own date. A correction re-states an earlier declaration, so it is
// not counted as a new one.
export default function (doc) {
	var VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
	if (doc.type !== 'declaration' || doc.corrects || typeof doc.group !== 'string') return;
	var stamped = doc.stamp && typeof doc.stamp.at === 'string' ? Date.parse(doc.stamp.at) : NaN;
	var instant = isNaN(stamped) ? Date.parse(doc.declared_at) : stamped;
	if (isNaN(instant)) return;
	var day = new Date(instant + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
	emit([doc.group, doc.channel, day], null);
}
