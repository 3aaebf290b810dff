// Every declaration of a person, corrections included: what merging two records of the same
// person re-points, without reading the ward's other declarations.
export default function (doc) {
	if (doc.type !== 'declaration' || typeof doc.person !== 'string') return;
	emit(doc.person, null);
}
