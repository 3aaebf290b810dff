// Org units by their path from the root (the unit's own code last), so a range query on a
// path prefix returns a whole subtree: startkey ['79', '765'], endkey ['79', '765', {}].
// A merged unit stays in the tree for history; its value says `merged_into`, and a roll-up
// must skip it (its records now count under the unit it was merged into).
export default function (doc) {
	if (doc.type === 'org_unit' && doc.path && doc.path.length) {
		var value = { level: doc.level, name: doc.name };
		if (doc.merged_into) value.merged_into = doc.merged_into;
		emit(doc.path, value);
	}
}
