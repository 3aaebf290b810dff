// Org units by their path from the root (the unit's own code last), so a range query on a
// path prefix returns a whole subtree: startkey ['79', '765'], endkey ['79', '765', {}].
export default function (doc) {
	if (doc.type === 'org_unit' && doc.path && doc.path.length) {
		emit(doc.path, { level: doc.level, name: doc.name });
	}
}
