// Declarations per group, channel and day, for progress over time. The day is the calendar
// day in Vietnam (UTC+7 all year, no daylight saving), whatever offset the device wrote.
// A correction re-states an earlier declaration, so it is not counted as a new one.
export default function (doc) {
	var VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
	if (doc.type !== 'declaration' || doc.corrects || typeof doc.group !== 'string') return;
	var instant = Date.parse(doc.declared_at);
	if (isNaN(instant)) return;
	var day = new Date(instant + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
	emit([doc.group, doc.channel, day], null);
}
