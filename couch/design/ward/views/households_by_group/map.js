// Households per neighbourhood group: reduce per group (group=true) or for the whole ward.
export default function (doc) {
	if (doc.type === 'household' && typeof doc.group === 'string') {
		emit(doc.group, null);
	}
}
