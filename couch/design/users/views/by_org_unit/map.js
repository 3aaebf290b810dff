// Accounts (`user:<username>`) by each unit in their `org_units`: the groups of a
// collaborator, the ward of ward staff or of a household's phone, a supervisor's unit.
export default function (doc) {
	if (doc._id.indexOf('user:') === 0 && doc.org_units && doc.org_units.length) {
		for (var i = 0; i < doc.org_units.length; i++) emit(doc.org_units[i], null);
	}
}
