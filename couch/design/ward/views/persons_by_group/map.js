// People per neighbourhood group: reduce per group (group=true) or for the whole ward.
export default function (doc) {
	if (doc.type === 'person' && typeof doc.group === 'string') {
		emit(doc.group, null);
	}
}
